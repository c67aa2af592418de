package jp.moshisapo.servers;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EventContractsTest {

    private static final String VISIT = """
            {"schemaVersion":2,"visitId":"6f1c0b1e-2a43-4a8e-9a52-1b2c3d4e5f60",
             "sealedLineUserId":{"keyId":"k1",
               "ciphertext":"3q2+7wABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4fICEiIyQlJicoKSorLC0uLzAxMjM="},
             "code":"ABCD1234X",
             "visitedAt":"2026-11-25T03:00:00Z","recordedAt":"2026-11-25T03:00:05Z"}""";

    @Test
    void aWellFormedVisitMatchesTheContract() {
        EventContracts.assertValid(EventContracts.VISIT_RECORDED, VISIT);
    }

    @Test
    void aVisitWithAnInvalidCodeOrAnExtraFieldBreaksTheContract() {
        assertThrows(AssertionError.class, () -> EventContracts.assertValid(EventContracts.VISIT_RECORDED,
                VISIT.replace("ABCD1234X", "ABCD-1234-X")));
        assertThrows(AssertionError.class, () -> EventContracts.assertValid(EventContracts.VISIT_RECORDED,
                VISIT.replace("{\"schemaVersion\":2,", "{\"schemaVersion\":2,\"name\":\"x\",")));
    }

    @Test
    void aVisitWithTheLineUserIdInClearBreaksTheContract() {
        assertThrows(AssertionError.class, () -> EventContracts.assertValid(EventContracts.VISIT_RECORDED,
                VISIT.replace("\"code\"", "\"lineUserId\":\"U0123456789abcdef0123456789abcdef\",\"code\"")));
        assertThrows(AssertionError.class, () -> EventContracts.assertValid(EventContracts.VISIT_RECORDED,
                VISIT.replace("\"schemaVersion\":2", "\"schemaVersion\":1")));
    }
}
