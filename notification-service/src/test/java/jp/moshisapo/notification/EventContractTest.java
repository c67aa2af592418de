package jp.moshisapo.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jp.moshisapo.protocol.events.CodeState;
import jp.moshisapo.protocol.events.EventKeyring;
import jp.moshisapo.protocol.events.ResidentEvent;
import jp.moshisapo.protocol.events.VisitRecorded;
import jp.moshisapo.servers.EventContracts;
import org.junit.jupiter.api.Test;

/**
 * Consumer side of the event contracts: example events as producers write them match the shared schemas in
 * docs/events/, and this service reads them into the protocol records it works with, opening the sealed LINE user
 * id with the (local-only) event keyring it is configured with.
 */
class EventContractTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final String USER = "U4af4980629a0c1a2b3c4d5e6f7a8b9c0";
    /** What application.properties gives this service in tests: the keys only, no active key. */
    private static final EventKeyring CONSUMER_KEYS = EventKeyring.parse(
            "local-only-e1:bG9jYWwtb25seSBldmVudCBrZXkgTk9UIFNFQ1JFVCE=", null);

    @Test
    void visitRecordedExampleMatchesTheSchemaAndIsReadAsAVisit() throws IOException {
        String json = example("visit-recorded.json");
        EventContracts.assertValid(EventContracts.VISIT_RECORDED, json);
        VisitRecorded visit = JSON.readValue(json, VisitRecorded.class);
        assertEquals("7K3M9QXR0", visit.code());
        assertEquals(Instant.parse("2026-11-20T09:15:30.123Z"), visit.visitedAt());
        assertFalse(json.contains(USER), "the example carries no LINE user id in clear");
        assertEquals(USER, visit.lineUserId(CONSUMER_KEYS));
    }

    @Test
    void erasureRequestExampleMatchesTheSchemaAndIsReadAsAnErasure() throws IOException {
        String json = example("resident-erasure.json");
        EventContracts.assertValid(EventContracts.RESIDENT_EVENT, json);
        ResidentEvent erasure = JSON.readValue(json, ResidentEvent.class);
        assertEquals(ResidentEvent.Type.ERASURE_REQUESTED, erasure.type());
        assertEquals(USER, erasure.lineUserId(CONSUMER_KEYS));
    }

    @Test
    void codeStateExampleMatchesTheSchemaAndNamesTheVenue() throws IOException {
        String json = example("code-state.json");
        EventContracts.assertValid(EventContracts.CODE_STATE, json);
        CodeState state = JSON.readValue(json, CodeState.class);
        assertEquals("〇〇会館 2号館", state.facilityName());
        assertEquals("大宴会場", state.room());
    }

    @Test
    void eventsThisServiceSendsInItsTestsMatchTheSchemasToo() throws IOException {
        EventContracts.assertValid(EventContracts.VISIT_RECORDED, Fixtures.json(Fixtures.visit(
                "U" + "a".repeat(32), "7K3M9QXR0", Instant.now())));
        EventContracts.assertValid(EventContracts.RESIDENT_EVENT, Fixtures.json(Fixtures.residentEvent(
                ResidentEvent.Type.UNREACHABLE, "U" + "a".repeat(32))));
    }

    @Test
    void anIdSealedForAResidentEventDoesNotOpenInsideAVisit() throws IOException {
        VisitRecorded visit = JSON.readValue(example("visit-recorded.json"), VisitRecorded.class);
        ResidentEvent erasure = JSON.readValue(example("resident-erasure.json"), ResidentEvent.class);
        VisitRecorded replayed = new VisitRecorded(visit.schemaVersion(), visit.visitId(), erasure.sealedLineUserId(),
                visit.code(), visit.visitedAt(), visit.recordedAt());

        assertThrows(EventKeyring.UnreadableException.class, () -> replayed.lineUserId(CONSUMER_KEYS));
    }

    private static String example(String name) throws IOException {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/events/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
