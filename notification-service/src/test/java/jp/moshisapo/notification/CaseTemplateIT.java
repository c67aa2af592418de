package jp.moshisapo.notification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** The staff console shows a new case's default message for editing: the API hands it out before a draft exists. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class CaseTemplateIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void staffGetTheSeedsNoticeWithTheConsultationCentreAndLinesLimit() {
        JsonPath template = Api.get("staff2", "/admin/cases/template").then().statusCode(200).extract().jsonPath();

        String message = template.getString("message");
        assertTrue(message.startsWith("【お知らせ】"), message);
        assertTrue(message.contains("＜受診・相談センター＞ 019-651-3175"), message);
        assertEquals(5000, template.getInt("maxLength"));
    }

    @Test
    void aDraftWithTheTemplateUnchangedSendsTheSameTextAsADraftWithoutAMessage() {
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "テンプレート会館", "1階");
        new StoreProbe(dataSource).awaitCode(code);
        String template = Api.get("staff1", "/admin/cases/template").jsonPath().getString("message");
        String today = Fixtures.today().toString();

        String edited = Api.createCase("staff1", Map.of("codes", List.of(code), "dates", List.of(today),
                "message", template, "note", "console")).then().statusCode(201).extract().jsonPath().getString("message");
        String defaulted = Api.createCase("staff1", Map.of("codes", List.of(code), "dates", List.of(today),
                "note", "script")).then().statusCode(201).extract().jsonPath().getString("message");

        assertEquals(defaulted, edited);
    }

    @Test
    void staffChooseTheTestingTemplateAndTheCaseShowsTheFlexNoticeResidentsWillSeeAndAuditsItsText() {
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "検査案内会館", "1階");
        new StoreProbe(dataSource).awaitCode(code);
        JsonPath offered = Api.get("staff1", "/admin/cases/template").jsonPath();
        assertEquals(List.of("caution", "testing"), offered.getList("templates.id"));
        assertEquals(List.of("注意喚起", "検査のご案内"), offered.getList("templates.title"));

        JsonPath created = Api.createCase("staff1", Map.of("codes", List.of(code),
                "dates", List.of(Fixtures.today().toString()), "template", "testing", "note", "検査の案内"))
                .then().statusCode(201).extract().jsonPath();
        String message = created.getString("message");
        assertTrue(message.contains("検査を受けていただくため"), message);
        assertEquals(message, created.getString("notice.body"));
        assertEquals(message, created.getString("notice.altText"));
        assertEquals(List.of("tel:0196513175", "https://www.pref.iwate.jp/"), created.getList("notice.buttons.uri"));

        JsonPath audit = Api.get("approver1", "/admin/audit?caseId=" + created.getLong("id")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals("testing", audit.getString("[0].details.template"));
        assertEquals(message, audit.getString("[0].details.message"), "the audit log keeps the text word for word");
        Api.createCase("staff1", Map.of("codes", List.of(code), "dates", List.of(Fixtures.today().toString()),
                "template", "party", "note", "x")).then().statusCode(400).body("errors[0].field",
                org.hamcrest.Matchers.equalTo("template"));
    }

    @Test
    void theTemplateNeedsAStaffToken() {
        given().get("/admin/cases/template").then().statusCode(401).contentType("application/problem+json");
    }
}
