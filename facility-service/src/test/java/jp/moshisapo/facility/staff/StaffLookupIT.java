package jp.moshisapo.facility.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.security.SecureRandom;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import jp.moshisapo.servers.SharedServers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class StaffLookupIT {

    private static String staffToken() {
        return SharedServers.keycloak().accessToken("staff1", "staff1");
    }

    @Test
    void staffFindTheVenueAndRoomFromACodeReadOutOverThePhone() {
        JsonPath venue = Venues.register("もしサポ体育館", "メインアリーナ", "サブアリーナ");
        String code = venue.getString("rooms[1].code");

        given().auth().oauth2(staffToken())
                .when().get("/admin/codes/" + code.toLowerCase().replace("-", " "))
                .then().statusCode(200)
                .body("code", equalTo(code))
                .body("status", equalTo("ACTIVE"))
                .body("room", equalTo("サブアリーナ"))
                .body("facility.name", equalTo("もしサポ体育館"))
                .body("facility.address", equalTo("岩手県盛岡市内丸 10-1"))
                .body("facility.postalCode", equalTo("020-8570"))
                .body("facility.phone", equalTo("019-629-5487"))
                .body("issuedAt", notNullValue());
    }

    @Test
    void revokedCodesAreStillFoundWithTheirStatus() {
        JsonPath venue = Venues.register("もしサポ遊技場", "1階");
        String code = venue.getString("rooms[0].code");
        given().auth().oauth2(venue.getString("managementToken"))
                .when().post("/api/facilities/" + venue.getString("facilityId") + "/codes/" + code + "/revoke")
                .then().statusCode(200);

        given().auth().oauth2(staffToken()).when().get("/admin/codes/" + code)
                .then().statusCode(200).body("status", equalTo("REVOKED")).body("revokedAt", notNullValue());
    }

    @Test
    void aMisheardCodeIsExplainedAndAnUnknownOneIsNotFound() {
        given().auth().oauth2(staffToken()).when().get("/admin/codes/ABCD-EFGH")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].message", containsString("9文字"));
        String valid = PrintedCode.generate(new SecureRandom()).canonical();
        String misheard = valid.substring(0, 8) + (valid.charAt(8) == '0' ? '2' : '0');
        given().auth().oauth2(staffToken()).when().get("/admin/codes/" + misheard)
                .then().statusCode(400).body("errors[0].message", containsString("確認用の文字"));
        String unknown = PrintedCode.generate(new SecureRandom()).display();
        given().auth().oauth2(staffToken()).when().get("/admin/codes/" + unknown)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void withoutAValidStaffTokenNothingIsShown() {
        JsonPath venue = Venues.register("もしサポ展示場", "ホール");
        String code = venue.getString("rooms[0].code");

        given().when().get("/admin/codes/" + code).then().statusCode(401);
        given().auth().oauth2("not-a-jwt").when().get("/admin/codes/" + code).then().statusCode(401);
        // A venue's management token is no staff token.
        given().auth().oauth2(venue.getString("managementToken")).when().get("/admin/codes/" + code)
                .then().statusCode(401);
        // Paths nobody opened are denied.
        given().auth().oauth2(staffToken()).when().get("/admin/anything").then().statusCode(403);
    }
}
