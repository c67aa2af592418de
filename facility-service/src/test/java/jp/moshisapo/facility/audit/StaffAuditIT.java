package jp.moshisapo.facility.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import jp.moshisapo.servers.SharedServers;
import org.junit.jupiter.api.Test;

/** Every staff read of a venue's contact data leaves an entry approvers can read; no entry, no data. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class StaffAuditIT {

    @Inject
    AgroalDataSource db;

    private static String token(String user) {
        return SharedServers.keycloak().accessToken(user, user);
    }

    @Test
    void approversSeeWhoLookedUpWhichVenueAndWhetherTheCodeExisted() {
        JsonPath venue = Venues.register("もしサポ監査食堂", "客席");
        String code = venue.getString("rooms[0].code");
        String unknown = PrintedCode.generate(new SecureRandom()).display();
        String staff = token("staff2");

        given().auth().oauth2(staff).when().get("/admin/codes/" + code).then().statusCode(200);
        given().auth().oauth2(staff).when().get("/admin/codes/" + unknown).then().statusCode(404);

        List<Map<String, Object>> entries = given().auth().oauth2(token("approver1"))
                .when().get("/admin/facility-audit?user=staff2&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> hit = entryFor(entries, code);
        assertEquals("staff2", hit.get("actor"));
        assertTrue(!String.valueOf(hit.get("actorSubject")).isBlank());
        assertEquals("CODE_LOOKED_UP", hit.get("action"));
        assertNull(hit.get("caseId"));
        assertEquals(Map.of("code", code, "found", true, "facilityId", venue.getString("facilityId")),
                hit.get("details"));
        assertEquals(Map.of("code", unknown, "found", false), entryFor(entries, unknown).get("details"));
        // The log says whose data was read, never the data itself.
        assertTrue(!entries.toString().contains("019-629-5487"), entries.toString());
    }

    @Test
    void theLogIsReadNewestFirstPageByPage() {
        JsonPath venue = Venues.register("もしサポ監査書店", "売場");
        String code = venue.getString("rooms[0].code");
        String staff = token("staff1");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(staff).when().get("/admin/codes/" + code).then().statusCode(200);
        }
        String approver = token("approver1");

        List<Integer> firstPage = given().auth().oauth2(approver).when().get("/admin/facility-audit?limit=2")
                .then().statusCode(200).extract().jsonPath().getList("id", Integer.class);
        List<Integer> nextPage = given().auth().oauth2(approver)
                .when().get("/admin/facility-audit?limit=2&before=" + firstPage.get(1))
                .then().statusCode(200).extract().jsonPath().getList("id", Integer.class);

        assertEquals(2, firstPage.size());
        assertTrue(firstPage.get(0) > firstPage.get(1));
        assertTrue(nextPage.get(0) < firstPage.get(1), firstPage + " then " + nextPage);
    }

    @Test
    void onlyApproversReadTheLog() {
        given().auth().oauth2(token("staff1")).when().get("/admin/facility-audit").then().statusCode(403)
                .contentType("application/problem+json");
        given().when().get("/admin/facility-audit").then().statusCode(401);
        given().auth().oauth2(token("approver1")).when().get("/admin/facility-audit?limit=0")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("limit"));
    }

    @Test
    void whenTheEntryCannotBeWrittenStaffSeeNoVenueData() {
        JsonPath venue = Venues.register("もしサポ監査不能館", "ホール");
        String code = venue.getString("rooms[0].code");
        // Stands in for any failed audit write (a full disk, a revoked grant): refuse entries for this code only.
        // Only the owner may alter the table (the service's role owns nothing).
        Database.updateAsOwner("ALTER TABLE facility.staff_audit ADD CONSTRAINT refuse_" + code.replace("-", "")
                + " CHECK (details->>'code' <> '" + code + "') NOT VALID");
        try {
            given().auth().oauth2(token("staff1")).when().get("/admin/codes/" + code)
                    .then().statusCode(503).contentType("application/problem+json")
                    .body("detail", containsString("監査記録"))
                    .body(not(containsString("019-629-5487")))
                    .body(not(containsString("もしサポ監査不能館")));
        } finally {
            Database.updateAsOwner("ALTER TABLE facility.staff_audit DROP CONSTRAINT refuse_" + code.replace("-", ""));
        }
        assertEquals(List.of("0"), Database.strings(db,
                "SELECT count(*) FROM facility.staff_audit WHERE details->>'code' = ?", code));
        given().auth().oauth2(token("staff1")).when().get("/admin/codes/" + code).then().statusCode(200);
    }

    @Test
    void entriesCannotBeChangedOrDeleted() {
        JsonPath venue = Venues.register("もしサポ監査改ざん館", "ホール");
        given().auth().oauth2(token("staff1")).when().get("/admin/codes/" + venue.getString("rooms[0].code"))
                .then().statusCode(200);

        assertThrows(IllegalStateException.class,
                () -> Database.update(db, "UPDATE facility.staff_audit SET actor_name = 'someone-else'"));
        assertThrows(IllegalStateException.class, () -> Database.update(db, "DELETE FROM facility.staff_audit"));
        assertThrows(IllegalStateException.class, () -> Database.update(db, "TRUNCATE facility.staff_audit"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entryFor(List<Map<String, Object>> entries, String code) {
        return entries.stream().filter(e -> code.equals(((Map<String, Object>) e.get("details")).get("code")))
                .findFirst().orElseThrow(() -> new AssertionError("no entry for " + code + " in " + entries));
    }
}
