package jp.moshisapo.notification;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The service checks tokens and roles itself (the gateway does too): who may do what to exposure cases. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class AdminSecurityIT {

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource(value = "health/ready", management = true)
    URL readiness;

    long draft;

    @BeforeEach
    void aDraftCase() {
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "セキュリティ会館", "1階");
        new StoreProbe(dataSource).awaitCode(code);
        draft = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
    }

    @Test
    void withoutATokenEveryAdminCallIs401WithAProblem() {
        for (String path : List.of("/admin/cases", "/admin/cases/" + draft, "/admin/audit",
                "/admin/cases/" + draft + "/report")) {
            given().get(path).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
        }
        given().contentType("application/json").body("{}").post("/admin/cases").then().statusCode(401);
        given().post("/admin/cases/" + draft + "/approve").then().statusCode(401);
        given().post("/admin/cases/" + draft + "/cancel").then().statusCode(401);
    }

    @Test
    void staffWithoutTheApproverRoleAreForbiddenToApproveAndToReadTheAudit() {
        Api.post("staff2", "/admin/cases/" + draft + "/approve").then().statusCode(403)
                .contentType("application/problem+json");
        Api.get("staff2", "/admin/audit").then().statusCode(403).contentType("application/problem+json");
        assertEquals("DRAFT", new StoreProbe(dataSource).stateOf(draft));
    }

    @Test
    void aForgedTokenIsRefused() {
        String forged = Tokens.forgedApprover(Fixtures.token("staff2"));
        given().auth().oauth2(forged).post("/admin/cases/" + draft + "/approve").then().statusCode(401)
                .contentType("application/problem+json");
        assertEquals("DRAFT", new StoreProbe(dataSource).stateOf(draft));
    }

    @Test
    void aTokenWhoseRolesWereEditedIsRefused() {
        String tampered = Tokens.tamperedApprover(Fixtures.token("staff2"));
        given().auth().oauth2(tampered).post("/admin/cases/" + draft + "/approve").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/admin/cases").then().statusCode(401);
        assertEquals("DRAFT", new StoreProbe(dataSource).stateOf(draft));
    }

    @Test
    void aValidTokenOfAnotherApplicationOfTheRealmIsRefused() {
        String foreign = Tokens.ofAnotherClient("approver1");
        given().auth().oauth2(foreign).post("/admin/cases/" + draft + "/approve").then().statusCode(401)
                .contentType("application/problem+json");
        assertEquals("DRAFT", new StoreProbe(dataSource).stateOf(draft));
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = Tokens.expired("approver1");
        given().auth().oauth2(expired).post("/admin/cases/" + draft + "/approve").then().statusCode(401)
                .contentType("application/problem+json");
        assertEquals("DRAFT", new StoreProbe(dataSource).stateOf(draft));
    }

    @Test
    void pathsOutsideTheAdminApiAreClosedAndHealthIsOnlyOnTheManagementPort() {
        given().get("/").then().statusCode(org.hamcrest.Matchers.oneOf(401, 403));
        given().get("/q/health").then().statusCode(org.hamcrest.Matchers.oneOf(401, 403, 404));
        RestAssured.get(readiness).then().statusCode(200).body("status", equalTo("UP"));
    }
}
