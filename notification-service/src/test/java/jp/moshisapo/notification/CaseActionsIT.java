package jp.moshisapo.notification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** A case read by staff says what that reader may do with it and why not; the console's buttons follow it. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class CaseActionsIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void eachReaderSeesWhetherTheyMayApproveTheDraftAndWhyNot() {
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "権限会館", "1階");
        new StoreProbe(dataSource).awaitCode(code);
        long draft = Api.draft(List.of(code), List.of(Fixtures.today().toString())); // created by staff1

        JsonPath creator = Api.get("staff1", "/admin/cases/" + draft).then().statusCode(200).extract().jsonPath();
        JsonPath approver = Api.get("approver1", "/admin/cases/" + draft).jsonPath();

        assertEquals(false, creator.getBoolean("actions.approve.allowed"));
        assertEquals("not-approver", creator.getString("actions.approve.reason"));
        assertEquals("承認者の権限がないため承認できません。", creator.getString("actions.approve.message"));
        assertEquals(true, creator.getBoolean("actions.cancel.allowed"));
        assertEquals(true, approver.getBoolean("actions.approve.allowed"));

        Api.approve(draft);
        JsonPath sending = Api.get("approver1", "/admin/cases/" + draft).jsonPath();
        assertEquals("not-draft", sending.getString("actions.approve.reason"));
    }

    @Test
    void anApproverIsToldInEnglishThatTheirOwnCaseNeedsAnotherApprover() {
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "権限会館", "2階");
        new StoreProbe(dataSource).awaitCode(code);
        long own = Api.createCase("approver1", Map.of("codes", List.of(code), "dates",
                List.of(Fixtures.today().toString()), "note", "own")).then().statusCode(201).extract().jsonPath()
                .getLong("id");

        JsonPath view = given().auth().oauth2(Fixtures.token("approver1"))
                .header("Accept-Language", "en").get("/admin/cases/" + own).then().statusCode(200).extract()
                .jsonPath();

        assertEquals("own-case", view.getString("actions.approve.reason"));
        assertEquals("You cannot approve a case you created. Ask another approver.",
                view.getString("actions.approve.message"));
    }
}
