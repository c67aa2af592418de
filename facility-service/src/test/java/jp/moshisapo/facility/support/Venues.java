package jp.moshisapo.facility.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Registers venues through the real API, as the form does. */
public final class Venues {

    private Venues() {
    }

    /** A complete, valid registration body; tests change single fields. */
    public static Map<String, Object> form(String name, String... rooms) {
        Map<String, Object> body = new HashMap<>();
        body.put("businessType", "FOOD_SERVICE");
        body.put("scale", "UP_TO_50");
        body.put("name", name);
        body.put("postalCode", "020-8570");
        body.put("address1", "岩手県盛岡市内丸");
        body.put("address2", "10-1");
        body.put("phone", "019-629-5487");
        body.put("email", "venue@example.jp");
        body.put("termsAccepted", true);
        body.put("receiveNotices", false);
        body.put("rooms", List.of(rooms));
        return body;
    }

    public static JsonPath register(String name, String... rooms) {
        return given().contentType(ContentType.JSON).body(form(name, rooms))
                .when().post("/api/facilities")
                .then().statusCode(201).extract().jsonPath();
    }
}
