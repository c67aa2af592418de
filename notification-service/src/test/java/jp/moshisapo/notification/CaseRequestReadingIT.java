package jp.moshisapo.notification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * A case body that is not what staff meant is refused with a problem+json the console can show, and no case is
 * opened: broken or trailing JSON, numbers where text belongs, bytes that are not UTF-8, a body far too large.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class CaseRequestReadingIT {

    private static final String VALID = "{\"codes\": [\"ABCD-EFGH-J\"], \"dates\": [\"2026-11-20\"], \"note\": \"n\"}";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void brokenJsonIsAProblemInJapaneseOrEnglish() {
        JsonPath japanese = refused("{\"codes\": [", null, 400);
        JsonPath english = refused("{\"codes\": [", "en", 400);

        assertEquals("送信内容が正しいJSON形式ではありません。", japanese.getString("detail"));
        assertEquals("The request body is not valid JSON.", english.getString("detail"));
    }

    @Test
    void charactersAfterTheDocumentAreRefused() {
        JsonPath problem = refused(VALID + "}}}", null, 400);

        assertEquals("送信内容が正しいJSON形式ではありません。", problem.getString("detail"));
    }

    @Test
    void aNumberWhereTextBelongsIsRefusedForThatField() {
        JsonPath note = refused(VALID.replace("\"n\"", "12345"), null, 400);
        JsonPath code = refused(VALID.replace("\"ABCD-EFGH-J\"", "1"), null, 400);
        JsonPath message = refused(VALID.replace("}", ", \"message\": true}"), null, 400);

        assertEquals("note", note.getString("errors[0].field"));
        assertEquals("形式が正しくありません。", note.getString("errors[0].message"));
        assertEquals("codes[0]", code.getString("errors[0].field"));
        assertEquals("message", message.getString("errors[0].field"));
    }

    @Test
    void anOverlongUtf8SequenceIsRefusedNotReadAsASlash() {
        byte[] body = VALID.replace("\"n\"", "\"a__b\"").getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.UTF_8).indexOf("__");
        body[at] = (byte) 0xC0;
        body[at + 1] = (byte) 0xAF;

        JsonPath problem = refused(body, null, 400);

        assertEquals("送信内容が正しいUTF-8ではありません。", problem.getString("detail"));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413Problem() {
        String padded = VALID.replace("\"n\"", "\"" + "x".repeat(70 * 1024) + "\"");

        JsonPath problem = refused(padded, "en", 413);

        assertEquals("At most 64 KB can be sent.", problem.getString("detail"));
    }

    private JsonPath refused(Object body, String language, int status) {
        long cases = new StoreProbe(dataSource).count("SELECT count(*) FROM exposure_case");
        Response response = post(body, language);
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType());
        assertFalse(response.asString().contains("jackson"), "no parser internals: " + response.asString());
        assertEquals(cases, new StoreProbe(dataSource).count("SELECT count(*) FROM exposure_case"));
        return response.jsonPath();
    }

    private static Response post(Object body, String language) {
        var request = given().auth().oauth2(Fixtures.token("staff1")).contentType(ContentType.JSON);
        // body(byte[]) sends the bytes as they are; body(Object) would serialise them as a JSON (base64) string.
        request = body instanceof byte[] bytes ? request.body(bytes) : request.body(body);
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return request.post("/admin/cases");
    }
}
