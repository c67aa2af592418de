package jp.moshisapo.problem.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.Problem;
import jp.moshisapo.problem.ProblemException;
import org.junit.jupiter.api.Test;

/** What a caller is told about a body the service cannot take: which field, or what is wrong with the whole. */
class JsonBodyTest {

    record Room(String name, int floor) {
    }

    record Venue(String name, List<Room> rooms, boolean termsAccepted) {
    }

    private final JsonBody body = new JsonBody(StrictJson.apply(new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)));

    @Test
    void aWellFormedBodyIsRead() {
        Venue venue = body.read(bytes("{\"name\":\"盛岡食堂\",\"rooms\":[{\"name\":\"1F\",\"floor\":1}],"
                + "\"termsAccepted\":true}"), Venue.class, 1024);
        assertEquals("盛岡食堂", venue.name());
        assertEquals(1, venue.rooms().get(0).floor());
    }

    @Test
    void anEmptyBodyOrNullIsRefusedNotHandedOnAsNull() {
        assertEquals("The request body is empty.", refusal("", 1024).detail());
        assertEquals("The request body is empty.", refusal("  \n", 1024).detail());
        assertEquals("The request body is empty.", refusal("null", 1024).detail());
    }

    @Test
    void theFieldOfTheWrongTypeIsNamed() {
        Problem problem = refusal("{\"name\":\"x\",\"rooms\":[{\"name\":\"1F\",\"floor\":\"one\"}]}", 1024);
        assertEquals(400, problem.status());
        assertEquals("rooms[0].floor", problem.errors().get(0).field());
        Problem unknown = refusal("{\"name\":\"x\",\"rooms\":[{\"name\":\"1F\",\"colour\":\"red\"}]}", 1024);
        assertEquals("rooms[0].colour", unknown.errors().get(0).field());
        assertEquals("This field is not accepted.", unknown.errors().get(0).message());
        assertEquals("name", refusal("{\"name\":12345}", 1024).errors().get(0).field());
        assertEquals("termsAccepted", refusal("{\"termsAccepted\":1}", 1024).errors().get(0).field());
    }

    @Test
    void aBodyThatIsNotOneJsonObjectIsMalformed() {
        assertEquals("The request body is not valid JSON.", refusal("{\"name\":", 1024).detail());
        assertEquals("The request body is not valid JSON.", refusal("{\"name\":\"x\"} {}", 1024).detail());
        assertEquals("The request body must be a JSON object.", refusal("[1,2]", 1024).detail());
    }

    @Test
    void invalidUtf8IsRefusedNotDecodedLeniently() {
        byte[] overlong = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
        ProblemException e = assertThrows(ProblemException.class,
                () -> body.read(new ByteArrayInputStream(overlong), Venue.class, 1024));
        assertEquals("The request body is not valid UTF-8.", e.problem().in(Language.EN, null).detail());
    }

    @Test
    void aBodyOverTheLimitIsRefusedWithTheLimit() {
        Problem problem = refusal("{\"name\":\"" + "x".repeat(2000) + "\"}", 1024);
        assertEquals(413, problem.status());
        assertEquals("At most 1 KB can be sent.", problem.detail());
    }

    private Problem refusal(String json, int maxBytes) {
        ProblemException e = assertThrows(ProblemException.class, () -> body.read(bytes(json), Venue.class, maxBytes));
        return e.problem().in(Language.EN, null);
    }

    private static ByteArrayInputStream bytes(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
