package jp.moshisapo.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.SQLException;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.ResidentEvent;
import jp.moshisapo.protocol.events.VisitRecorded;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From visits on Kafka to a draft, its preview, four-eyes approval and one LINE message per resident. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class CaseWorkflowIT {

    private static final Duration SENDING = Duration.ofSeconds(60);

    @InjectLineSimulator
    LineSimulator sim;

    @Inject
    AgroalDataSource dataSource;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    StoreProbe store;

    @BeforeEach
    void probe() {
        store = new StoreProbe(dataSource);
    }

    @Test
    void previewCountsDistinctResidentsAcrossSeveralCodesAndDays() {
        String hall = store.venue("〇〇会館 2号館", "大宴会場");
        String bar = store.venue("居酒屋いわて", "1階");
        String elsewhere = store.venue("ほかの店", "2階");
        List<VisitRecorded> visits = new ArrayList<>();
        // alice: hall twice today and the bar yesterday; bob: bar yesterday; carol: hall 3 days ago (outside);
        // dave: elsewhere today (other code)
        visits.add(Fixtures.visit(Fixtures.user("m-alice"), hall, Fixtures.middayDaysAgo(0)));
        visits.add(Fixtures.visit(Fixtures.user("m-alice"), hall, Fixtures.middayDaysAgo(0).minusSeconds(600)));
        visits.add(Fixtures.visit(Fixtures.user("m-alice"), bar, Fixtures.middayDaysAgo(1)));
        visits.add(Fixtures.visit(Fixtures.user("m-bob"), bar, Fixtures.middayDaysAgo(1)));
        visits.add(Fixtures.visit(Fixtures.user("m-carol"), hall, Fixtures.middayDaysAgo(3)));
        visits.add(Fixtures.visit(Fixtures.user("m-dave"), elsewhere, Fixtures.middayDaysAgo(0)));
        Fixtures.publishVisits(visits);
        store.awaitVisits(hall, 3);
        store.awaitVisits(bar, 2);

        String typedHall = new PrintedCode(hall).display().toLowerCase();
        JsonPath created = Api.createCase("staff1", Map.of("codes", List.of(typedHall, bar),
                "dates", List.of(Fixtures.today().toString(), Fixtures.today().minusDays(1).toString()),
                "note", "複数施設・複数日")).then().statusCode(201)
                .header("Location", containsString("/admin/cases/")).extract().jsonPath();

        assertEquals("DRAFT", created.getString("state"));
        assertEquals(2, created.getInt("preview.recipients"), "alice and bob, once each");
        assertEquals(4, created.getInt("preview.visits"));
        Map<String, Object> hallPreview = created.getMap("preview.codes.find { it.code == '"
                + new PrintedCode(hall).display() + "' }");
        assertEquals("〇〇会館 2号館", hallPreview.get("facilityName"));
        assertEquals("大宴会場", hallPreview.get("room"));
        assertEquals(1, hallPreview.get("residents"));
        assertEquals(2, hallPreview.get("visits"));
        assertFalse(created.prettify().contains(Fixtures.user("m-alice")), "a preview never shows user ids");

        JsonPath windowOnly = Api.createCase("staff1", Map.of("codes", List.of(hall), "window", Map.of(
                "from", Fixtures.middayDaysAgo(3).minus(Duration.ofMinutes(15)).toString(),
                "to", Fixtures.middayDaysAgo(3).plus(Duration.ofMinutes(15)).toString()), "note", "時間帯指定"))
                .then().statusCode(201).extract().jsonPath();
        assertEquals(1, windowOnly.getInt("preview.recipients"), "only carol was there in that window");
    }

    @Test
    void staffSeeEachCodesCheckinsPerDayAsCountsOnly() {
        String hall = store.venue("件数会館", "ホール");
        String quiet = store.venue("静かな店", "1階");
        Fixtures.publishVisits(List.of(
                Fixtures.visit(Fixtures.user("n-alice"), hall, Fixtures.middayDaysAgo(0)),
                Fixtures.visit(Fixtures.user("n-bob"), hall, Fixtures.middayDaysAgo(0)),
                Fixtures.visit(Fixtures.user("n-alice"), hall, Fixtures.middayDaysAgo(2)),
                Fixtures.visit(Fixtures.user("n-carol"), hall, Fixtures.middayDaysAgo(40))));   // past retention
        store.awaitVisits(hall, 3);

        String display = new PrintedCode(hall).display();
        JsonPath counts = RestAssured.given().auth().oauth2(Fixtures.token("staff1"))
                .queryParam("code", display.toLowerCase()).queryParam("code", quiet)
                .when().get("/admin/visit-counts").then().statusCode(200).extract().jsonPath();

        assertEquals(List.of(Fixtures.today().minusDays(2).toString(), Fixtures.today().toString()),
                counts.getList("codes['" + display + "'].day"));
        assertEquals(List.of(1, 2), counts.getList("codes['" + display + "'].checkins"));
        assertEquals(List.of(), counts.getList("codes['" + new PrintedCode(quiet).display() + "']"));
        assertEquals(Fixtures.today().toString(), counts.getString("to"));
        assertFalse(counts.prettify().contains(Fixtures.user("n-alice")), "counts never carry user ids");
        RestAssured.given().auth().oauth2(Fixtures.token("staff1")).queryParam("code", "ABCD")
                .when().get("/admin/visit-counts").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("code[0]"));
        RestAssured.given().when().get("/admin/visit-counts?code=" + display).then().statusCode(401);
    }

    @Test
    void aCaseInHoursReachesEveryoneWhoseStayOverlapsItWhileWholeDaysStillMatchByScan() {
        String restaurant = store.venue("食堂もしサポ", "座敷"); // FOOD_SERVICE: a visit lasts 2 hours
        Instant noon = Fixtures.middayDaysAgo(1);
        Instant dayStart = Fixtures.today().minusDays(1).atStartOfDay(Fixtures.IWATE).toInstant();
        Fixtures.publishVisits(List.of(
                Fixtures.visit(Fixtures.user("s-erin"), restaurant, noon.minus(Duration.ofMinutes(90))),
                Fixtures.visit(Fixtures.user("s-frank"), restaurant, noon.plus(Duration.ofMinutes(10))),
                Fixtures.visit(Fixtures.user("s-gina"), restaurant, noon.minus(Duration.ofHours(3))),
                Fixtures.visit(Fixtures.user("s-harry"), restaurant, dayStart.minus(Duration.ofMinutes(30)))));
        store.awaitVisits(restaurant, 4);
        String shown = new PrintedCode(restaurant).display();

        JsonPath lunch = Api.createCase("staff1", Map.of("codes", List.of(restaurant), "window", Map.of(
                "from", noon.toString(), "to", noon.plus(Duration.ofHours(1)).toString()), "note", "昼食時"))
                .then().statusCode(201).extract().jsonPath();
        assertEquals("STAY", lunch.getString("rule"));
        assertEquals(2, lunch.getInt("preview.recipients"), "erin (10:30 + 2 h) stayed into 12:00; frank scanned in it");
        Map<String, Object> code = lunch.getMap("preview.codes.find { it.code == '" + shown + "' }");
        assertEquals(120, code.get("stayMinutes"));
        assertEquals(1, code.get("scannedInWindow"), "by scan alone only frank");
        assertEquals(2, code.get("stayOverlaps"));

        JsonPath wholeDay = Api.createCase("staff1", Map.of("codes", List.of(restaurant),
                "dates", List.of(Fixtures.today().minusDays(1).toString()), "note", "終日"))
                .then().statusCode(201).extract().jsonPath();
        assertEquals("SCAN", wholeDay.getString("rule"));
        assertEquals(3, wholeDay.getInt("preview.recipients"), "harry scanned the evening before: not that day");
        assertEquals(4, (int) wholeDay.getMap("preview.codes.find { it.code == '" + shown + "' }")
                .get("stayOverlaps"), "though his stay reached past midnight");
    }

    @Test
    void aOneMinuteWindowIsRefusedSoAPreviewCannotTellWhetherOnePersonWasThere() {
        String shop = store.venue("小さな書店", "店内");
        Fixtures.publishVisits(List.of(Fixtures.visit(Fixtures.user("w-alone"), shop, Fixtures.middayDaysAgo(2))));
        store.awaitVisits(shop, 1);
        Instant visit = Fixtures.middayDaysAgo(2);
        long cases = store.count("SELECT count(*) FROM exposure_case");

        Api.createCase("staff1", Map.of("codes", List.of(shop), "window", Map.of("from", visit.toString(),
                "to", visit.plusSeconds(60).toString()), "note", "1分間"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("window"))
                .body("errors.find { it.field == 'window' }.message", containsString("時間帯は30分以上にしてください"))
                .body(not(containsString("preview")));
        assertEquals(cases, store.count("SELECT count(*) FROM exposure_case"), "no case, no preview");

        Api.createCase("staff1", Map.of("codes", List.of(shop), "window", Map.of("from", visit.toString(),
                "to", visit.plus(Duration.ofMinutes(30)).toString()), "note", "30分間"))
                .then().statusCode(201).body("preview.recipients", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void approvedCaseReachesEachResidentOnceWithTheSeedNotice() {
        String code = store.venue("体育館", "アリーナ");
        String other = store.venue("体育館", "サブアリーナ");
        List<VisitRecorded> visits = new ArrayList<>();
        for (int i = 0; i < 1203; i++) {
            String user = Fixtures.user("d-" + i);
            visits.add(Fixtures.visit(user, code, Fixtures.middayDaysAgo(0)));
            if (i % 3 == 0) {
                visits.add(Fixtures.visit(user, other, Fixtures.middayDaysAgo(0))); // a second code, same person
                visits.add(Fixtures.visit(user, code, Fixtures.middayDaysAgo(0).minusSeconds(30)));
            }
        }
        Fixtures.publishVisits(visits);
        store.awaitVisits(code, 1203 + 401);
        store.awaitVisits(other, 401);

        long id = Api.draft(List.of(code, other), List.of(Fixtures.today().toString()));
        Api.get("staff1", "/admin/cases/" + id).then().statusCode(200).body("preview.recipients", equalTo(1203));
        Api.approve(id);
        store.awaitState(id, "DONE", SENDING);

        for (int i = 0; i < 1203; i++) {
            List<InboxMessage> inbox = sim.inbox(Fixtures.user("d-" + i));
            assertEquals(1, inbox.size(), "resident d-" + i + " got " + inbox.size() + " messages");
            assertEquals("multicast", inbox.get(0).via());
            assertTrue(inbox.get(0).text().startsWith("【お知らせ】\n新型コロナウイルスの感染が判明した方が"));
            assertTrue(inbox.get(0).text().contains("＜受診・相談センター＞ 019-651-3175"));
            assertEquals("flex", inbox.get(0).type(), "the notice is a Flex bubble, its text the alt text");
            assertEquals("tel:0196513175", inbox.get(0).links().get(0).uri(), "the centre's number can be tapped");
        }
        JsonPath report = Api.get("staff1", "/admin/cases/" + id + "/report").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1203, report.getInt("recipients.delivered"));
        assertEquals(3, report.getInt("batches.sent"), "1,203 recipients = 500 + 500 + 203");
        assertEquals(0, report.getInt("batches.failed"));
        assertNotNull(report.getString("firstSentAt"));
        assertNotNull(report.getString("finishedAt"));
    }

    @Test
    void theCreatorCannotApproveTheirOwnCaseAndTheRefusalIsAudited() {
        String code = store.venue("喫茶店", "カウンター");
        Fixtures.publishVisits(List.of(Fixtures.visit(Fixtures.user("four-eyes"), code, Fixtures.middayDaysAgo(0))));
        store.awaitVisits(code, 1);
        long id = Api.createCase("approver1", Map.of("codes", List.of(code), "dates",
                List.of(Fixtures.today().toString()), "note", "承認者が作成")).then().statusCode(201)
                .extract().jsonPath().getLong("id");

        Api.post("approver1", "/admin/cases/" + id + "/approve").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moshisapo.jp/problems/self-approval"))
                .body("detail", containsString("自分が作成した案件は承認できません"));
        assertEquals("DRAFT", store.stateOf(id));
        Api.get("approver1", "/admin/audit?caseId=" + id).then().statusCode(200)
                .body("action", hasItems("CASE_CREATED", "APPROVAL_REFUSED"))
                .body("find { it.action == 'APPROVAL_REFUSED' }.actor", equalTo("approver1"));
        assertTrue(sim.inbox(Fixtures.user("four-eyes")).isEmpty());
    }

    @Test
    void aStaffMemberWithoutTheApproverRoleCannotApprove() {
        String code = store.venue("書店", "1階");
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
        Api.post("staff2", "/admin/cases/" + id + "/approve").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moshisapo.jp/problems/forbidden"))
                .body("title", equalTo("アクセスできません"));
        assertEquals("DRAFT", store.stateOf(id));
    }

    @Test
    void unknownCodesAreListedAndNothingIsCreated() {
        String known = store.venue("美術館", "展示室A");
        String unknown = Fixtures.newCode();
        long before = store.count("SELECT count(*) FROM exposure_case");
        JsonPath problem = Api.createCase("staff1", Map.of("codes", List.of(known, unknown), "dates",
                List.of(Fixtures.today().toString()), "note", "n")).then().statusCode(422)
                .contentType("application/problem+json").extract().jsonPath();
        String shown = new PrintedCode(unknown).display();
        assertEquals(List.of(shown), problem.getList("unknownCodes"));
        assertEquals("codes[1]", problem.getString("errors[0].field"));
        assertTrue(problem.getString("detail").contains(shown));
        assertEquals(before, store.count("SELECT count(*) FROM exposure_case"));
    }

    @Test
    void malformedRequestsGetAProblemWithEveryFieldNamed() {
        Api.createCase("staff1", Map.of("codes", List.of("ABCD"), "window", Map.of("from",
                "2026-11-20T20:00+09:00", "to", "2026-11-20T18:00+09:00"), "note", "", "colour", "red"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("codes[0]", "window", "note", "colour"))
                .body("errors.find { it.field == 'window' }.message", containsString("時間帯が空です"));
        io.restassured.RestAssured.given().auth().oauth2(Fixtures.token("staff1"))
                .contentType("application/json").body("{not json").post("/admin/cases")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("JSON"));
        Api.get("staff1", "/admin/cases/999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void residentsWhoBlockedTheAccountAreSkippedUntilTheyFollowAgain() {
        String code = store.venue("映画館", "シアター3");
        String blocked = Fixtures.user("blocked-1");
        Fixtures.publishVisits(List.of(Fixtures.visit(blocked, code, Fixtures.middayDaysAgo(0)),
                Fixtures.visit(Fixtures.user("reachable-1"), code, Fixtures.middayDaysAgo(0))));
        store.awaitVisits(code, 2);
        Fixtures.publishResident(ResidentEvent.Type.UNREACHABLE, blocked);
        await("unreachable recorded").atMost(Duration.ofSeconds(30)).until(
                () -> store.count("SELECT count(*) FROM unreachable_resident") >= 1);

        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
        JsonPath preview = Api.get("staff1", "/admin/cases/" + id).then().extract().jsonPath();
        assertEquals(2, preview.getInt("preview.residents"));
        assertEquals(1, preview.getInt("preview.unreachable"));
        assertEquals(1, preview.getInt("preview.recipients"));
        Api.approve(id);
        store.awaitState(id, "DONE", SENDING);
        assertTrue(sim.inbox(blocked).isEmpty());
        assertEquals(1, sim.inbox(Fixtures.user("reachable-1")).size());

        Fixtures.publishResident(ResidentEvent.Type.REACHABLE, blocked);
        await("reachable again").atMost(Duration.ofSeconds(30)).until(
                () -> store.count("SELECT count(*) FROM unreachable_resident") == 0);
        long again = Api.draft(List.of(code), List.of(Fixtures.today().minusDays(1).toString(),
                Fixtures.today().toString()));
        Api.get("staff1", "/admin/cases/" + again).then().body("preview.unreachable", equalTo(0));
    }

    @Test
    void erasureDeletesTheResidentsVisitsAndALateVisitIsNotStoredAgain() {
        String code = store.venue("カラオケ", "Room 5");
        String erased = Fixtures.user("erase-me");
        VisitRecorded early = Fixtures.visit(erased, code, Fixtures.middayDaysAgo(1));
        Fixtures.publishVisits(List.of(early, Fixtures.visit(erased, code, Fixtures.middayDaysAgo(0)),
                Fixtures.visit(Fixtures.user("keep-me"), code, Fixtures.middayDaysAgo(0))));
        store.awaitVisits(code, 3);

        Fixtures.publishResident(ResidentEvent.Type.ERASURE_REQUESTED, erased);
        store.awaitVisits(code, 1);
        Fixtures.publishVisits(List.of(early)); // redelivered after the erasure
        await("the late visit was refused as erased").atMost(Duration.ofSeconds(60)).until(
                () -> RestAssured.get(metrics).asString().contains(
                        "moshisapo_notification_visits_ingested_total{outcome=\"erased\"} 1.0"));
        assertEquals(0, store.count("SELECT count(*) FROM visit WHERE visit_id = ?", early.visitId()));
    }

    @Test
    void theSameVisitDeliveredTwiceIsStoredOnceAndUserIdsAreEncrypted() {
        String code = store.venue("図書館", "閲覧室");
        String user = Fixtures.user("twice");
        VisitRecorded visit = Fixtures.visit(user, code, Fixtures.middayDaysAgo(0));
        Fixtures.publishVisits(List.of(visit, visit));
        Fixtures.publishVisits(List.of(visit, Fixtures.visit(Fixtures.user("marker-2"), code,
                Fixtures.middayDaysAgo(0))));
        store.awaitVisits(code, 2);
        String stored = store.query("SELECT encode(user_id, 'escape') FROM visit WHERE visit_id = ?", visit.visitId());
        for (String encoding : encodingsOf(user)) {
            assertFalse(stored.contains(encoding), "the LINE user id is stored encrypted, not encoded: " + encoding);
        }
        assertEquals("local-only-1", store.query("SELECT key_id FROM visit WHERE visit_id = ?", visit.visitId()));
    }

    @Test
    void theAuditLogIsReadableByApproversOnlyAndCannotBeChanged() {
        String code = store.venue("公会堂", "ホール");
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
        Api.post("staff2", "/admin/cases/" + id + "/cancel").then().statusCode(200).body("state",
                equalTo("CANCELLED"));

        Api.get("staff1", "/admin/audit").then().statusCode(403);
        Api.get("approver1", "/admin/audit?caseId=" + id).then().statusCode(200)
                .body("action", equalTo(List.of("CASE_CANCELLED", "CASE_CREATED")))
                .body("[0].actor", equalTo("staff2"))
                .body("[0].details.previousState", equalTo("DRAFT"))
                .body("[1].details.recipients", equalTo(0));
        Api.get("approver1", "/admin/audit?user=staff2").then().statusCode(200)
                .body("actor", not(hasItem("staff1")));

        SQLException update = store.tryExecute("UPDATE audit_event SET actor_name = 'someone' WHERE case_id = " + id);
        SQLException delete = store.tryExecute("DELETE FROM audit_event WHERE case_id = " + id);
        assertNotNull(update, "the audit log refuses updates");
        assertNotNull(delete, "the audit log refuses deletes");
        // The service's role may only append and read (AuditTamperingIT tries everything else).
        assertEquals("42501", update.getSQLState(), update.getMessage());
        Api.post("staff1", "/admin/cases/" + id + "/cancel").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aConsoleReReadingACaseLogsOneViewPerReaderNotOneEveryPoll() {
        String code = store.venue("体育館", "アリーナ");
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
        for (int i = 0; i < 5; i++) {
            Api.get("staff1", "/admin/cases/" + id).then().statusCode(200);
            Api.get("staff2", "/admin/cases/" + id).then().statusCode(200);
            Api.get("staff2", "/admin/cases/" + id + "/report").then().statusCode(200);
        }
        Api.get("approver1", "/admin/audit?caseId=" + id).then().statusCode(200)
                .body("findAll { it.action == 'CASE_VIEWED' }.actor", containsInAnyOrder("staff1", "staff2"))
                .body("findAll { it.action == 'REPORT_VIEWED' }.actor", equalTo(List.of("staff2")));
    }

    @Test
    void casesAreListedByState() {
        String code = store.venue("展示場", "A");
        long draft = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
        Api.get("staff2", "/admin/cases?state=draft").then().statusCode(200)
                .body("id", hasItem((int) draft)).body("state", not(hasItem("DONE")));
        Api.get("staff2", "/admin/cases?state=sideways").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("state"));
    }

    /**
     * The forms a LINE user id would take if it were stored encoded rather than encrypted: as is, as hex (either
     * case), and as base64 at each of the three byte alignments it could start at inside a longer value (the
     * characters shared with the neighbouring bytes left out).
     */
    private static List<String> encodingsOf(String userId) {
        byte[] bytes = userId.getBytes(StandardCharsets.UTF_8);
        String hex = HexFormat.of().formatHex(bytes);
        List<String> forms = new ArrayList<>(List.of(userId, hex, hex.toUpperCase(Locale.ROOT)));
        for (int offset = 0; offset < 3; offset++) {
            byte[] shifted = new byte[offset + bytes.length];
            System.arraycopy(bytes, 0, shifted, offset, bytes.length);
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String base64 = encoder.encodeToString(shifted);
                forms.add(base64.substring(offset == 0 ? 0 : 4, base64.length() - 4));
            }
        }
        return forms;
    }
}
