package jp.moshisapo.notification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Refusals speak the staff member's language: Japanese by default, English when the caller (the staff console
 * at ?lang=en) sends {@code Accept-Language: en}; field by field, so the console can put each next to its field.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class ProblemLanguageIT {

    private static final Map<String, Object> WRONG_CASE = Map.of("codes", List.of("ABCD"), "dates",
            List.of("2099-01-01"));

    @Inject
    AgroalDataSource dataSource;

    @Test
    void fieldErrorsAreInEnglishWhenTheCallerAsksForEnglish() {
        JsonPath problem = create("en", WRONG_CASE).then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();

        assertEquals("Check the message at each field and try again.", problem.getString("detail"));
        assertEquals("A code has 9 letters and digits (XXXX-XXXX-X).", message(problem, "codes[0]"));
        assertEquals("The date is in the future.", message(problem, "dates[0]"));
        assertEquals("Enter a note: why this case is opened.", message(problem, "note"));
        assertFalse(problem.prettify().contains("english"), "only the chosen language goes out");
    }

    @Test
    void fieldErrorsStayJapaneseByDefaultAndForJapaneseCallers() {
        for (String language : new String[] {null, "ja-JP,ja;q=0.9,en;q=0.8"}) {
            JsonPath problem = create(language, WRONG_CASE).then().statusCode(400).extract().jsonPath();

            assertEquals("各項目のメッセージを確認して、入力し直してください。", problem.getString("detail"));
            assertEquals("コードの桁数が違います（英数字9文字: XXXX-XXXX-X）。", message(problem, "codes[0]"));
            assertEquals("未来の日付は指定できません。", message(problem, "dates[0]"));
        }
    }

    @Test
    void workflowRefusalsAreInEnglishToo() {
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "言語会館", "1階");
        new StoreProbe(dataSource).awaitCode(code);
        long own = given().auth().oauth2(Fixtures.token("approver1")).contentType(ContentType.JSON)
                .body(Map.of("codes", List.of(code), "dates", List.of(Fixtures.today().toString()), "note", "own"))
                .post("/admin/cases").then().statusCode(201).extract().jsonPath().getLong("id");

        Response selfApproval = given().auth().oauth2(Fixtures.token("approver1")).header("Accept-Language", "en")
                .post("/admin/cases/" + own + "/approve");
        Response missing = given().auth().oauth2(Fixtures.token("staff1")).queryParam("lang", "en")
                .get("/admin/cases/999999999");

        assertEquals(403, selfApproval.statusCode());
        assertEquals("You cannot approve a case you created. Ask another approver.",
                selfApproval.jsonPath().getString("detail"));
        assertEquals(404, missing.statusCode());
        assertEquals("There is no case 999999999.", missing.jsonPath().getString("detail"));
        String unknownCode = Fixtures.newCode();
        JsonPath unknown = create("en", Map.of("codes", List.of(unknownCode), "dates",
                List.of(Fixtures.today().toString()), "note", "unknown")).then().statusCode(422).extract().jsonPath();
        assertTrue(message(unknown, "codes[0]").startsWith("No venue has this code: "), unknown.prettify());
    }

    private static Response create(String acceptLanguage, Map<String, Object> body) {
        var request = given().auth().oauth2(Fixtures.token("staff1")).contentType(ContentType.JSON).body(body);
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request.post("/admin/cases");
    }

    private static String message(JsonPath problem, String field) {
        return problem.getString("errors.find { it.field == '" + field + "' }.message");
    }
}
