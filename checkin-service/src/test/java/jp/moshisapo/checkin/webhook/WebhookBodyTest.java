package jp.moshisapo.checkin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.moshisapo.problem.ProblemException;
import org.junit.jupiter.api.Test;

class WebhookBodyTest {

    private final WebhookBody body = new WebhookBody(new ObjectMapper().getFactory());

    @Test
    void splitsTheBodyIntoEventsKeyedByTheirUser() {
        List<AcceptedEvent> events = body.events(bytes("""
                {"destination":"Ubot","events":[
                  {"type":"follow","webhookEventId":"01A","source":{"type":"user","userId":"Ualice"}},
                  {"type":"join","webhookEventId":"01B","source":{"type":"group","groupId":"Cgroup"}}]}
                """));
        assertEquals(2, events.size());
        assertEquals("Ualice", events.get(0).userId());
        assertEquals("01A", events.get(0).webhookEventId());
        assertNull(events.get(1).userId());
    }

    @Test
    void eachEventKeepsTheExactBytesLineSent() {
        String event = "{ \"type\" : \"message\", \"webhookEventId\":\"01C\",\"message\":{\"text\":\"😀 チェックイン\"},"
                + "\"source\":{\"type\":\"user\",\"userId\":\"Ubob\"} }";
        List<AcceptedEvent> events = body.events(bytes("{\"events\":[" + event + "],\"destination\":\"U1\"}"));
        assertEquals(event, new String(events.get(0).json(), StandardCharsets.UTF_8));
        assertEquals("Ubob", events.get(0).userId());
    }

    @Test
    void linesVerificationRequestWithoutEventsIsAccepted() {
        assertEquals(List.of(), body.events(bytes("{\"destination\":\"Ubot\",\"events\":[]}")));
    }

    @Test
    void anythingButAWebhookEnvelopeIsMalformed() {
        for (String bad : List.of("", "not json", "[]", "{\"events\":{}}", "{\"destination\":\"x\"}",
                "{\"events\":[1]}", "{\"events\":[{\"type\":\"follow\"}]}", "{\"events\":[]} trailing",
                "{\"events\":[{\"type\":1,\"webhookEventId\":\"x\"}]}", "{\"events\":[{\"type\":\"a\",\"webhookEventId\":\"x\",",
                "{\"events\":[{\"type\":\"a\",\"webhookEventId\":\"x\",\"x\":[1,}]}")) {
            ProblemException e = assertThrows(ProblemException.class, () -> body.events(bytes(bad)), bad);
            assertEquals("malformed-body", e.problem().slug(), bad);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreMalformedEvenWhenAParserWouldReadThem() {
        byte[] overlongSlash = bytes("{\"events\":[{\"type\":\"follow\",\"webhookEventId\":\"a__b\"}]}");
        int at = new String(overlongSlash, StandardCharsets.UTF_8).indexOf("__");
        overlongSlash[at] = (byte) 0xC0;
        overlongSlash[at + 1] = (byte) 0xAF;

        ProblemException e = assertThrows(ProblemException.class, () -> body.events(overlongSlash));

        assertEquals("malformed-body", e.problem().slug());
        assertEquals("not valid UTF-8", e.problem().errors().get(0).message().en());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
