package jp.moshisapo.facility.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** An integrator reads the venue and admin API from the OpenAPI document on the management port, never the public one. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class ApiDocumentIT {

    @TestHTTPResource(value = "openapi?format=json", management = true)
    URL document;

    @Test
    void theManagementPortDescribesTheVenueAndTheAdminApi() {
        JsonPath api = given().get(document).then().statusCode(200).extract().jsonPath();

        assertEquals("facility-service API", api.getString("info.title"));
        assertNotNull(api.get("paths.'/api/facilities'.post"), "registration");
        assertNotNull(api.get("paths.'/api/facilities/{facilityId}/rooms'.post"), "adding rooms");
        assertNotNull(api.get("paths.'/api/codes/{code}/poster.pdf'.get"), "the poster");
        assertNotNull(api.get("paths.'/admin/codes/{code}'.get"), "the staff look-up");
        assertNotNull(api.get("paths.'/api/management-links'.post"), "a lost management link recovered");
        assertNotNull(api.get("paths.'/admin/notices/{id}/approve'.post"), "approving a notice to venues");
    }

    @Test
    void thePublicPortDoesNotServeIt() {
        given().get("/q/openapi").then().statusCode(not(200));
    }
}
