package jp.moshisapo.facility.management;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** The management token is never cached anywhere, and a venue can replace it; the old one then opens nothing. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class ManagementTokenIT {

    @Inject
    AgroalDataSource db;

    @Test
    void noAnswerCarryingTheTokenMayBeStoredByACacheOrTheBackButton() {
        Response registration = given().contentType(ContentType.JSON).body(Venues.form("もしサポ茶房", "客席"))
                .when().post("/api/facilities");
        registration.then().statusCode(201);
        assertNotStored(registration, "the registration answer");
        JsonPath venue = registration.jsonPath();
        String id = venue.getString("facilityId");
        String token = venue.getString("managementToken");

        // The form becomes the completion page with the link; the management page holds the token in its address.
        for (String page : List.of("/", "/?lang=en", "/manage", "/manage?lang=en")) {
            assertNotStored(given().when().get(page).then().statusCode(200).extract().response(), page);
        }
        assertNotStored(given().auth().oauth2(token).when().get("/api/facilities/" + id)
                .then().statusCode(200).extract().response(), "the venue's details");
        assertNotStored(given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("rooms", List.of("奥座敷")))
                .when().post("/api/facilities/" + id + "/rooms").then().statusCode(201).extract().response(),
                "added rooms");
        assertNotStored(given().auth().oauth2(token).when().get("/api/facilities/" + id + "/posters.pdf")
                .then().statusCode(200).extract().response(), "the posters");
        assertNotStored(given().auth().oauth2(token).when().post("/api/facilities/" + id + "/management-token")
                .then().statusCode(200).extract().response(), "a rotation");
        // Pages without a token may be revalidated from a cache.
        given().when().get("/terms").then().statusCode(200).header("Cache-Control", "no-cache");
    }

    @Test
    void aRotatedTokenAnswersExactlyAsAnUnknownOneAndTheNewOneWorks() {
        JsonPath venue = Venues.register("もしサポ珈琲店", "店内");
        String id = venue.getString("facilityId");
        String old = venue.getString("managementToken");

        JsonPath rotated = given().auth().oauth2(old).when().post("/api/facilities/" + id + "/management-token")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("facilityId", equalTo(id))
                .body("managementToken", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("managementToken", not(equalTo(old)))
                .extract().jsonPath();
        String fresh = rotated.getString("managementToken");
        assertEquals("http://127.0.0.1:8080/manage#facility=" + id + "&token=" + fresh,
                rotated.getString("managementUrl"));

        for (String call : List.of("GET /api/facilities/%s", "GET /api/facilities/%s/posters.pdf",
                "POST /api/facilities/%s/management-token", "POST /api/facilities/%s/codes/" + venue.getString(
                        "rooms[0].code") + "/revoke")) {
            String[] parts = String.format(call, id).split(" ");
            Response withOld = given().auth().oauth2(old).when().request(parts[0], parts[1]);
            Response withUnknown = given().auth().oauth2(old + "x").when().request(parts[0], parts[1]);
            assertEquals(404, withOld.statusCode(), call);
            // Compared on the same path: the problem's instance echoes it.
            assertEquals(withUnknown.asString(), withOld.asString(),
                    call + " must answer as for a token that never existed");
        }
        given().auth().oauth2(fresh).when().get("/api/facilities/" + id)
                .then().statusCode(200).body("rooms[0].status", equalTo("ACTIVE"));
        assertEquals(List.of(HexFormat.of().formatHex(ManagementToken.hash(fresh))), Database.strings(db,
                "SELECT encode(management_token_hash, 'hex') FROM facility.facilities WHERE id = ?::uuid", id));
    }

    @Test
    void aTokenRotatesOnlyOnce() {
        JsonPath venue = Venues.register("もしサポ甘味処", "店内");
        String id = venue.getString("facilityId");
        String old = venue.getString("managementToken");

        given().auth().oauth2(old).when().post("/api/facilities/" + id + "/management-token").then().statusCode(200);
        given().auth().oauth2(old).when().post("/api/facilities/" + id + "/management-token").then().statusCode(404);
        given().when().post("/api/facilities/" + id + "/management-token").then().statusCode(401);
    }

    private static void assertNotStored(Response response, String what) {
        assertEquals("no-store", response.header("Cache-Control"), what);
        assertEquals("no-cache", response.header("Pragma"), what);
        assertTrue(response.headers().getValues("Cache-Control").size() == 1, what + ": one Cache-Control only");
    }
}
