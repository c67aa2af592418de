package jp.moshisapo.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.Purpose;
import jp.moshisapo.notification.crypto.Sealed;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sending against LINE's real behaviour: rate limits, errors, lost answers, rejections, the kill switch. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class FanoutIT {

    private static final Duration SENDING = Duration.ofSeconds(90);

    @InjectLineSimulator
    LineSimulator sim;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Keyring keyring;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    StoreProbe store;

    @BeforeEach
    void freshChannel() {
        store = new StoreProbe(dataSource);
        sim.reset(); // counters, faults and rate buckets start from zero for each test
    }

    @Test
    void aRateLimitStormIsRetriedWithTheSameKeysAndEveryoneGetsExactlyOneMessage() {
        String code = store.venue("ライブハウス", "B1");
        List<String> users = Fixtures.crowd("storm429", 2000, code);
        store.awaitVisits(code, 2000);
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));

        sim.faults().failFor(Endpoint.MULTICAST, 429, Duration.ofMillis(1500));
        Api.approve(id);
        store.awaitState(id, "DONE", SENDING);

        users.forEach(u -> assertEquals(1, sim.inboxSize(u), "one message per resident"));
        JsonPath report = report(id);
        assertEquals(2000, report.getInt("recipients.delivered"));
        assertTrue(report.getInt("batches.retries") > 0, "the storm was met by retries");
        assertTrue(sim.stats().of(Endpoint.MULTICAST).rateLimited() > 0);
        RestAssured.get(metrics).then().body(containsString("moshisapo_line_api_rate_limited_total"))
                .body(containsString("moshisapo_notification_multicast_batches_total{outcome=\"retried\"}"));
    }

    @Test
    void serverErrorsAreRetriedUntilLineRecovers() {
        String code = store.venue("ボウリング場", "レーン1-10");
        List<String> users = Fixtures.crowd("storm5xx", 1500, code);
        store.awaitVisits(code, 1500);
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));

        sim.faults().failNext(Endpoint.MULTICAST, 503, 5);
        Api.approve(id);
        await("the 503s were answered").atMost(Duration.ofSeconds(30)).until(
                () -> sim.stats().of(Endpoint.MULTICAST).serverErrors() >= 5);
        sim.faults().failNext(Endpoint.MULTICAST, 500, 3);
        store.awaitState(id, "DONE", SENDING);

        users.forEach(u -> assertEquals(1, sim.inboxSize(u)));
        assertTrue(report(id).getInt("batches.retries") >= 5);
    }

    @Test
    void anAnswerLostToATimeoutIsRetriedWithTheSameKeyAndLineAnswers409InsteadOfDeliveringTwice() {
        String code = store.venue("ゲームセンター", "2階");
        List<String> users = Fixtures.crowd("lost", 1000, code);
        store.awaitVisits(code, 1000);
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));

        // LINE delivers, but answers later than the service waits (test request timeout: 2 s)
        sim.faults().delay(Endpoint.MULTICAST, Duration.ofSeconds(4));
        Api.approve(id);
        await("LINE accepted the first requests").atMost(Duration.ofSeconds(30)).until(
                () -> sim.stats().of(Endpoint.MULTICAST).accepted() >= 2);
        sim.faults().clear(Endpoint.MULTICAST);
        store.awaitState(id, "DONE", SENDING);

        users.forEach(u -> assertEquals(1, sim.inboxSize(u), "a retry after a lost answer must not deliver twice"));
        assertTrue(sim.stats().of(Endpoint.MULTICAST).conflicts() >= 2, "the retries met 409");
        assertEquals(1000, report(id).getInt("recipients.delivered"));
    }

    @Test
    void aBatchLineRejectsFailsAndTheCaseEndsFailedWithAReport() {
        String code = store.venue("ネットカフェ", "個室");
        List<String> users = Fixtures.crowd("rejected", 1200, code);
        store.awaitVisits(code, 1200);
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));

        sim.faults().failNext(Endpoint.MULTICAST, 400, 1);
        Api.approve(id);
        store.awaitState(id, "FAILED", SENDING);

        JsonPath report = report(id);
        assertEquals(1, report.getInt("batches.failed"));
        assertEquals(2, report.getInt("batches.sent"));
        assertTrue(report.getString("failures[0].error").startsWith("HTTP 400"));
        assertEquals(1200 - report.getInt("failures[0].recipients"), report.getInt("recipients.delivered"));
        long reached = users.stream().filter(u -> sim.inboxSize(u) == 1).count();
        assertEquals(report.getInt("recipients.delivered"), reached);
        assertTrue(users.stream().allMatch(u -> sim.inboxSize(u) <= 1));
        Api.get("approver1", "/admin/audit?caseId=" + id).then()
                .body("find { it.action == 'SENDING_FINISHED' }.details.state", org.hamcrest.Matchers.equalTo("FAILED"));
    }

    @Test
    void theKillSwitchStopsACaseMidSend() {
        String code = store.venue("競馬場", "スタンド");
        List<String> users = Fixtures.crowd("kill", 20_000, code);
        store.awaitVisits(code, 20_000);
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));

        // slow LINE (answers after 1.5 s, within the 2 s timeout): 40 batches take several waves of answers;
        // cancel as soon as the first request reaches LINE, before its answer, so a loaded machine cannot let
        // every wave go out before the kill switch
        sim.faults().delay(Endpoint.MULTICAST, Duration.ofMillis(1_500));
        Api.approve(id);
        await("sending started").atMost(Duration.ofSeconds(30)).until(
                () -> sim.stats().of(Endpoint.MULTICAST).requests() >= 1);
        Api.post("staff2", "/admin/cases/" + id + "/cancel").then().statusCode(200)
                .body("state", org.hamcrest.Matchers.equalTo("CANCELLED"));
        long requestsAtCancel = sim.stats().of(Endpoint.MULTICAST).requests();
        // every batch final, and every request LINE accepted accounted for (sent, or unconfirmed if unanswered)
        await("all in-flight answers recorded").atMost(Duration.ofSeconds(60)).until(() -> pending(id) == 0
                && report(id).getInt("batches.sent") + report(id).getInt("batches.unconfirmed") >= accepted());

        JsonPath report = report(id);
        assertEquals("CANCELLED", report.getString("state"));
        // batches planned after the cancel are never written, so "cancelled" may be zero; what matters is
        // that not all 40 batches reached LINE
        assertTrue(report.getInt("batches.sent") + report.getInt("batches.unconfirmed") < 40,
                "batches not yet sent never go out");
        long reached = users.stream().filter(u -> sim.inboxSize(u) == 1).count();
        assertTrue(reached < 20_000);
        assertTrue(reached >= report.getInt("recipients.delivered"));
        assertTrue(reached <= report.getInt("recipients.delivered") + report.getInt("recipients.unconfirmed"));
        assertTrue(users.stream().allMatch(u -> sim.inboxSize(u) <= 1));
        assertTrue(sim.stats().of(Endpoint.MULTICAST).requests() <= requestsAtCancel + 32,
                "at most the requests already in flight complete after the kill switch");
        assertEquals("CANCELLED", store.stateOf(id));
    }

    @Test
    void aResidentNotifiedForAnOverlappingCaseIsNotNotifiedAgainWithin24Hours() {
        String room1 = store.venue("市民会館", "会議室1");
        String room2 = store.venue("市民会館", "会議室2");
        String twice = Fixtures.user("overlap-both");
        String onlyRoom2 = Fixtures.user("overlap-room2");
        String yesterday = Fixtures.user("overlap-yesterday");
        Fixtures.publishVisits(List.of(
                Fixtures.visit(twice, room1, Fixtures.middayDaysAgo(0)),
                Fixtures.visit(twice, room2, Fixtures.middayDaysAgo(0)),
                Fixtures.visit(onlyRoom2, room2, Fixtures.middayDaysAgo(0)),
                Fixtures.visit(yesterday, room1, Fixtures.middayDaysAgo(1))));
        store.awaitVisits(room1, 2);
        store.awaitVisits(room2, 2);

        long first = Api.draft(List.of(room1), List.of(Fixtures.today().toString()));
        Api.approve(first);
        store.awaitState(first, "DONE", SENDING);
        assertEquals(1, sim.inboxSize(twice));

        long second = Api.draft(List.of(room1, room2), List.of(Fixtures.today().toString()));
        JsonPath preview = Api.get("staff1", "/admin/cases/" + second).then().extract().jsonPath();
        assertEquals(2, preview.getInt("preview.residents"));
        assertEquals(1, preview.getInt("preview.recentlyNotified"));
        assertEquals(1, preview.getInt("preview.recipients"));
        Api.approve(second);
        store.awaitState(second, "DONE", SENDING);
        assertEquals(1, sim.inboxSize(twice), "already notified for the overlapping case today");
        assertEquals(1, sim.inboxSize(onlyRoom2));
        assertEquals(1, report(second).getInt("recipients.skippedRecentlyNotified"));

        long otherDay = Api.draft(List.of(room1), List.of(Fixtures.today().minusDays(1).toString()));
        Api.approve(otherDay);
        store.awaitState(otherDay, "DONE", SENDING);
        assertEquals(1, sim.inboxSize(yesterday), "a case for another day does not overlap");
    }

    @Test
    void aBatchSealedUnderARemovedKeyEndsFailedAndTheBatchesAfterItStillGoOut() throws Exception {
        // More unopenable batches than requests may be in flight (32): each one used to keep its slot for good.
        List<String> users = IntStream.range(0, 100).mapToObj(i -> Fixtures.user("rotated-" + i))
                .toList();
        long id = plantSendingCase(40, users);

        store.awaitState(id, "FAILED", SENDING);

        users.forEach(u -> assertEquals(1, sim.inboxSize(u), "the batches after the broken ones went out"));
        JsonPath report = report(id);
        assertEquals(40, report.getInt("batches.failed"));
        assertEquals(100, report.getInt("batches.sent"));
        assertEquals(0, report.getInt("batches.pending"));
        assertTrue(report.getString("failures[0].error").contains("no key 'retired-key'"),
                report.getString("failures[0].error"));
        assertEquals("40 batches could not be delivered", report.getString("failureReason"));
    }

    @Test
    void aVisitSealedUnderARemovedKeyIsSkippedAndCountedWhileEveryoneElseIsNotified() throws SQLException {
        String code = store.venue("カラオケ店", "201号室");
        List<String> users = Fixtures.crowd("unreadable", 3, code);
        store.awaitVisits(code, 3);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE visit "
                + "SET key_id = 'retired-key' WHERE visit_id = (SELECT visit_id FROM visit WHERE code = ? LIMIT 1)")) {
            s.setString(1, code); // a rotation removed the key this one visit was sealed under
            assertEquals(1, s.executeUpdate());
        }
        double before = counter("moshisapo_notification_planner_unreadable_visits_total");
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
        Api.approve(id);

        store.awaitState(id, "DONE", SENDING);
        assertEquals(2, users.stream().filter(u -> sim.inboxSize(u) == 1).count(), "the two others were notified");
        assertEquals(2, report(id).getInt("recipients.delivered"));
        assertEquals(before + 1, counter("moshisapo_notification_planner_unreadable_visits_total"));
    }

    @Test
    void aMalformedSendingCaseIsLeftOutAndTheOtherCasesStillGoOut() throws SQLException {
        // A window with a start but no end: the row cannot be read into a case, on every poll.
        long broken;
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("INSERT INTO "
                + "exposure_case (state, codes, window_starts, window_ends, message, note, created_by, "
                + "created_by_name, created_at, approved_by, approved_by_name, approved_at) VALUES ('SENDING', "
                + "ARRAY['ABCDEFGHJ'], ARRAY[now(), now()], ARRAY[now()], 'x', 'malformed', 'staff1', 'staff1', now(), "
                + "'approver1', 'approver1', now()) RETURNING id")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                broken = rs.getLong(1);
            }
        }
        try {
            String code = store.venue("図書館", "閲覧室");
            List<String> users = Fixtures.crowd("beside-malformed", 600, code);
            store.awaitVisits(code, 600);
            long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
            Api.approve(id);
            store.awaitState(id, "DONE", SENDING);
            users.forEach(u -> assertEquals(1, sim.inboxSize(u)));
        } finally {
            store.tryExecute("UPDATE exposure_case SET state = 'CANCELLED' WHERE id = " + broken);
        }
    }

    private double counter(String name) {
        String scrape = RestAssured.get(metrics).asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(name)
                + "(\\{[^}]*})? (\\S+)").matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(2)) : Double.NaN;
    }

    @Test
    void metricsShowCasesByStateBatchesAndIngest() {
        RestAssured.get(metrics).then().statusCode(200)
                .body(containsString("moshisapo_notification_cases{state=\"DRAFT\"}"))
                .body(containsString("moshisapo_notification_multicast_batches_total{outcome=\"sent\"}"))
                .body(containsString("moshisapo_notification_multicast_batches_total{outcome=\"failed\"}"))
                .body(containsString("moshisapo_notification_visits_ingested_total{outcome=\"stored\"}"));
    }

    /**
     * A case as a restart after a key rotation finds it: SENDING, planned, its first {@code broken} batches sealed
     * under a key id the keyring no longer has, then one batch per user sealed under the active key.
     */
    private long plantSendingCase(int broken, List<String> users) throws SQLException {
        Instant now = Instant.now();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // the leader must see the case with all its batches at once
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO exposure_case (state, codes, "
                    + "window_starts, window_ends, message, note, created_by, created_by_name, created_at, "
                    + "approved_by, approved_by_name, approved_at, planned_at, recipients, skipped_unreachable, "
                    + "skipped_recently_notified) VALUES ('SENDING', ARRAY[?], ARRAY[?::timestamptz], ARRAY[?::timestamptz], '【お知らせ】鍵の入れ替え', "
                    + "'planted', 'staff1', 'staff1', ?, 'approver1', 'approver1', ?, ?, ?, 0, 0) RETURNING id")) {
                s.setString(1, Fixtures.newCode());
                s.setTimestamp(2, Timestamp.from(now.minusSeconds(3600)));
                s.setTimestamp(3, Timestamp.from(now));
                s.setTimestamp(4, Timestamp.from(now));
                s.setTimestamp(5, Timestamp.from(now));
                s.setTimestamp(6, Timestamp.from(now));
                s.setInt(7, broken + users.size());
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery_batch (case_id, seq, "
                    + "retry_key, recipient_count, resident_keys, key_id, recipients, created_at) "
                    + "VALUES (?, ?, ?, 1, ?, ?, ?, ?)")) {
                for (int seq = 1; seq <= broken + users.size(); seq++) {
                    Sealed recipients = seq <= broken
                            ? new Sealed("retired-key", new byte[64])
                            : keyring.seal(users.get(seq - broken - 1).getBytes(StandardCharsets.US_ASCII),
                                    Purpose.BATCH_RECIPIENTS);
                    byte[] residentKey = new byte[32];
                    new SecureRandom().nextBytes(residentKey);
                    s.setLong(1, id);
                    s.setInt(2, seq);
                    s.setObject(3, UUID.randomUUID());
                    s.setBytes(4, residentKey);
                    s.setString(5, recipients.keyId());
                    s.setBytes(6, recipients.bytes());
                    s.setTimestamp(7, Timestamp.from(now));
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
            return id;
        }
    }

    private long pending(long id) {
        return store.count("SELECT count(*) FROM delivery_batch WHERE case_id = ? AND status = 'PENDING'", id);
    }

    private long accepted() {
        return sim.stats().of(Endpoint.MULTICAST).accepted();
    }

    private JsonPath report(long id) {
        return Api.get("staff1", "/admin/cases/" + id + "/report").then().statusCode(200).extract().jsonPath();
    }
}
