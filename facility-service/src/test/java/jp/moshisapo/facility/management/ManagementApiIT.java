package jp.moshisapo.facility.management;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.PdfReading;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class ManagementApiIT {

    @Inject
    AgroalDataSource db;

    @Test
    void theManagerSeesTheVenueAndEveryCodeWithTheToken() {
        JsonPath venue = Venues.register("もしサポ会館", "大ホール", "小ホール");

        given().auth().oauth2(venue.getString("managementToken"))
                .when().get("/api/facilities/" + venue.getString("facilityId"))
                .then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("name", equalTo("もしサポ会館"))
                .body("businessType", equalTo("FOOD_SERVICE"))
                .body("postalCode", equalTo("020-8570"))
                .body("phone", equalTo("019-629-5487"))
                .body("allPostersPdfUrl", containsString("/posters.pdf"))
                .body("tableCardsPdfUrl", endsWith("/api/facilities/" + venue.getString("facilityId") + "/table-cards.pdf"))
                .body("rooms.room", equalTo(List.of("大ホール", "小ホール")))
                .body("rooms.code", equalTo(venue.getList("rooms.code")))
                .body("rooms.status", equalTo(List.of("ACTIVE", "ACTIVE")));
    }

    @Test
    void aMissingTokenIs401AndAWrongTokenOrUnknownVenueIsTheSame404() {
        JsonPath venue = Venues.register("もしサポ商店", "売場");
        String id = venue.getString("facilityId");

        given().when().get("/api/facilities/" + id)
                .then().statusCode(401).header("WWW-Authenticate", "Bearer")
                .contentType("application/problem+json");
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get("/api/facilities/" + id)
                .then().statusCode(401);

        String wrongToken = given().auth().oauth2(venue.getString("managementToken") + "x")
                .when().get("/api/facilities/" + id)
                .then().statusCode(404).contentType("application/problem+json").extract().asString();
        String unknownVenue = given().auth().oauth2(venue.getString("managementToken"))
                .when().get("/api/facilities/" + UUID.randomUUID())
                .then().statusCode(404).extract().asString();
        String notAnId = given().auth().oauth2(venue.getString("managementToken"))
                .when().get("/api/facilities/not-a-uuid")
                .then().statusCode(404).extract().asString();
        String otherVenuesToken = given().auth().oauth2(Venues.register("別の店", "店内").getString("managementToken"))
                .when().get("/api/facilities/" + id)
                .then().statusCode(404).extract().asString();
        assertEquals(exceptInstance(wrongToken), exceptInstance(unknownVenue),
                "the answer must not tell whether the venue exists");
        assertEquals(exceptInstance(wrongToken), exceptInstance(notAnId));
        assertEquals(exceptInstance(wrongToken), exceptInstance(otherVenuesToken));
        assertEquals("/api/facilities/" + id, JsonPath.from(wrongToken).getString("instance"));

        given().auth().oauth2("wrong").contentType(ContentType.JSON).body(Map.of("rooms", List.of("3階")))
                .when().post("/api/facilities/" + id + "/rooms").then().statusCode(404);
        given().auth().oauth2("wrong")
                .when().post("/api/facilities/" + id + "/codes/" + venue.getString("rooms[0].code") + "/revoke")
                .then().statusCode(404);
        given().auth().oauth2("wrong").when().get("/api/facilities/" + id + "/posters.pdf").then().statusCode(404);
        assertEquals(List.of("ACTIVE"), Database.strings(db, "SELECT status FROM facility.codes WHERE facility_id = ?::uuid", id));
    }

    @Test
    void addingRoomsIssuesNewCodesAfterTheExistingOnes() {
        JsonPath venue = Venues.register("もしサポ酒場", "カウンター");
        String id = venue.getString("facilityId");
        String token = venue.getString("managementToken");

        JsonPath added = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("rooms", List.of("テーブル1", "テーブル2")))
                .when().post("/api/facilities/" + id + "/rooms")
                .then().statusCode(201)
                .body("rooms", hasSize(2))
                .body("rooms.room", equalTo(List.of("テーブル1", "テーブル2")))
                .body("rooms[0].qrPngUrl", notNullValue())
                .extract().jsonPath();

        given().auth().oauth2(token).when().get("/api/facilities/" + id)
                .then().body("rooms.room", equalTo(List.of("カウンター", "テーブル1", "テーブル2")))
                .body("rooms.code[1]", equalTo(added.getString("rooms[0].code")));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("rooms", List.of("カウンター")))
                .when().post("/api/facilities/" + id + "/rooms")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("rooms[0]"))
                .body("errors[0].message", containsString("同じ名前の部屋"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"rooms\": [\"" + "x".repeat(20_000) + "\"]}")
                .when().post("/api/facilities/" + id + "/rooms")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void aRevokedCodeStopsWorkingEverywhereButStaysOnRecord() {
        JsonPath venue = Venues.register("もしサポ劇場", "1階席", "2階席");
        String id = venue.getString("facilityId");
        String token = venue.getString("managementToken");
        String code = venue.getString("rooms[0].code");
        String canonical = code.replace("-", "");

        given().auth().oauth2(token)
                .when().post("/api/facilities/" + id + "/codes/" + code.toLowerCase() + "/revoke")
                .then().statusCode(200)
                .body("code", equalTo(code))
                .body("status", equalTo("REVOKED"))
                .body("revokedAt", notNullValue())
                .body("qrPngUrl", nullValue());
        // revoking again changes nothing
        given().auth().oauth2(token).when().post("/api/facilities/" + id + "/codes/" + code + "/revoke")
                .then().statusCode(200).body("status", equalTo("REVOKED"));

        given().when().get("/api/codes/" + code + "/qr.png").then().statusCode(404);
        given().when().get("/api/codes/" + code + "/poster.pdf").then().statusCode(404);
        given().redirects().follow(false).when().get("/c/" + canonical).then().statusCode(404);
        assertEquals(List.of("REVOKED"),
                Database.strings(db, "SELECT status FROM facility.codes WHERE code = ?", canonical));
        assertEquals(List.of("ACTIVE", "REVOKED"), Database.strings(db,
                "SELECT payload::json->>'status' FROM facility.outbox WHERE message_key = ? ORDER BY id", canonical));

        byte[] all = given().auth().oauth2(token).when().get("/api/facilities/" + id + "/posters.pdf")
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertEquals(1, PdfReading.pages(all), "only the active code gets a poster");
        assertTrue(PdfReading.flatText(all, 0).contains("2階席"));
    }

    @Test
    void aCodeOfAnotherVenueCannotBeRevoked() {
        JsonPath mine = Venues.register("もしサポ喫茶", "店内");
        JsonPath theirs = Venues.register("となりの喫茶", "店内");

        given().auth().oauth2(mine.getString("managementToken"))
                .when().post("/api/facilities/" + mine.getString("facilityId") + "/codes/"
                        + theirs.getString("rooms[0].code") + "/revoke")
                .then().statusCode(404).body("detail", containsString("存在しないか"));
        given().when().get("/api/codes/" + theirs.getString("rooms[0].code") + "/qr.svg").then().statusCode(200);
    }

    @Test
    void allPostersComeAsOnePdfWithAPagePerActiveRoomInOrder() {
        JsonPath venue = Venues.register("もしサポ百貨店", "1階", "2階", "3階", "屋上");

        byte[] pdf = given().auth().oauth2(venue.getString("managementToken"))
                .when().get("/api/facilities/" + venue.getString("facilityId") + "/posters.pdf")
                .then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();

        assertEquals(4, PdfReading.pages(pdf));
        List<String> codes = venue.getList("rooms.code");
        List<String> rooms = List.of("1階", "2階", "3階", "屋上");
        for (int page = 0; page < 4; page++) {
            String text = PdfReading.flatText(pdf, page);
            assertTrue(text.contains(rooms.get(page)) && text.contains(codes.get(page)), text);
            assertEquals("http://127.0.0.1:8080/c/" + codes.get(page).replace("-", ""), PdfReading.qrContent(pdf, page));
        }
    }

    @Test
    void tableCardsPutEveryActiveCodeOnA4SheetsOfEight() {
        JsonPath venue = Venues.register("もしサポ居酒屋", "卓1", "卓2", "卓3", "卓4", "卓5", "卓6", "卓7", "卓8", "卓9", "卓10");
        String id = venue.getString("facilityId");
        String token = venue.getString("managementToken");
        List<String> codes = venue.getList("rooms.code");
        given().auth().oauth2(token).when().post("/api/facilities/" + id + "/codes/" + codes.get(9) + "/revoke")
                .then().statusCode(200);

        byte[] pdf = given().auth().oauth2(token).when().get("/api/facilities/" + id + "/table-cards.pdf")
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("table-cards.pdf"))
                .header("Cache-Control", containsString("no-store"))
                .extract().asByteArray();

        assertEquals(2, PdfReading.pages(pdf), "9 active codes: a full sheet and one card");
        String first = PdfReading.flatText(pdf, 0);
        String second = PdfReading.flatText(pdf, 1);
        for (int i = 0; i < 8; i++) {
            assertTrue(first.contains("卓" + (i + 1)) && first.contains(codes.get(i)), first);
        }
        assertTrue(second.contains("卓9") && second.contains(codes.get(8)), second);
        assertFalse((first + second).contains(codes.get(9)), "a revoked code gets no card");
        given().auth().oauth2("wrong").when().get("/api/facilities/" + id + "/table-cards.pdf").then().statusCode(404);
    }

    /** A problem body without {@code instance}: that member only echoes the path the caller asked for. */
    private static Map<String, Object> exceptInstance(String problem) {
        Map<String, Object> members = new java.util.HashMap<>(JsonPath.from(problem).getMap("$"));
        members.remove("instance");
        return members;
    }
}
