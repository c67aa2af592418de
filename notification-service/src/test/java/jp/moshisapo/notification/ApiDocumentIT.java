package jp.moshisapo.notification;

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
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** An integrator reads the admin API from the OpenAPI document on the management port, never the public one. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class ApiDocumentIT {

    @TestHTTPResource(value = "openapi?format=json", management = true)
    URL document;

    @Test
    void theManagementPortDescribesTheCaseWorkflow() {
        JsonPath api = given().get(document).then().statusCode(200).extract().jsonPath();

        assertEquals("notification-service admin API", api.getString("info.title"));
        assertNotNull(api.get("paths.'/admin/cases'.post"), "opening a case");
        assertNotNull(api.get("paths.'/admin/cases/{id}/approve'.post"), "approval");
        assertNotNull(api.get("paths.'/admin/cases/{id}/resume'.post"), "resuming a paused case");
        assertNotNull(api.get("paths.'/admin/cases/{id}/report'.get"), "the delivery report");
        assertNotNull(api.get("paths.'/admin/audit/verify'.get"), "the audit chain check");
    }

    @Test
    void thePublicPortDoesNotServeIt() {
        given().get("/q/openapi").then().statusCode(not(200));
    }
}
