package jp.moshisapo.notification;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;

/** The admin API as staff call it, with real tokens from Keycloak. */
public final class Api {

    private Api() {
    }

    public static Response createCase(String user, Map<String, Object> body) {
        return given().auth().oauth2(Fixtures.token(user)).contentType(ContentType.JSON).body(body)
                .post("/admin/cases");
    }

    /** Creates a case for whole days as staff1 and returns its id (fails the test unless 201). */
    public static long draft(List<String> codes, List<String> dates) {
        return createCase("staff1", Map.of("codes", codes, "dates", dates, "note", "テスト案件"))
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static Response get(String user, String path) {
        return given().auth().oauth2(Fixtures.token(user)).get(path);
    }

    public static Response post(String user, String path) {
        return given().auth().oauth2(Fixtures.token(user)).post(path);
    }

    public static void approve(long caseId) {
        post("approver1", "/admin/cases/" + caseId + "/approve").then().statusCode(200);
    }
}
