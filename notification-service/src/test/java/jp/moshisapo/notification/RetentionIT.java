package jp.moshisapo.notification;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.moshisapo.notification.visit.StoreMaintenance;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** Visits are kept for the retention (28 days) and then dropped a whole day at a time. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class RetentionIT {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    StoreMaintenance maintenance;

    @Inject
    jp.moshisapo.notification.crypto.ResidentIndex index;

    @Test
    void partitionsExistAheadAndADayPastRetentionIsDroppedWithItsVisits() {
        StoreProbe store = new StoreProbe(dataSource);
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "ショッピングモール", "フードコート");
        store.awaitCode(code);
        LocalDate today = Fixtures.today();
        LocalDate threeDaysAgo = today.minusDays(3);
        Fixtures.publishVisits(List.of(Fixtures.visit(Fixtures.user("old-visit"), code, Fixtures.middayDaysAgo(3)),
                Fixtures.visit(Fixtures.user("new-visit"), code, Fixtures.middayDaysAgo(0))));
        store.awaitVisits(code, 2);
        assertTrue(partitionExists(today.plusDays(7)), "a week of partitions is ready ahead");

        // 28 days after the end of that day, it is past retention; today is not
        Instant later = threeDaysAgo.plusDays(1).atStartOfDay(Fixtures.IWATE).toInstant().plus(Duration.ofDays(28))
                .plusSeconds(60);
        List<LocalDate> dropped = maintenance.run(later);

        assertTrue(dropped.contains(threeDaysAgo));
        assertTrue(!partitionExists(threeDaysAgo), "the day's partition is gone");
        assertTrue(partitionExists(today));
        assertEquals(1, store.visitsOf(code), "only today's visit remains");
    }

    @Test
    void visitsOlderThanTheRetentionOrFarInTheFutureAreNotStored() {
        StoreProbe store = new StoreProbe(dataSource);
        String code = Fixtures.newCode();
        Fixtures.publishVisits(List.of(
                Fixtures.visit(Fixtures.user("too-old"), code, Instant.now().minus(Duration.ofDays(29))),
                Fixtures.visit(Fixtures.user("from-the-future"), code, Instant.now().plus(Duration.ofDays(30))),
                Fixtures.visit(Fixtures.user("today"), code, Fixtures.middayDaysAgo(0))));
        store.awaitVisits(code, 1);
        Fixtures.publishRaw(jp.moshisapo.protocol.events.Topic.CHECKIN_VISITS, code, "{\"not\": \"a visit\"");
        Fixtures.publishVisits(List.of(Fixtures.visit(Fixtures.user("after-garbage"), code,
                Fixtures.middayDaysAgo(0))));
        store.awaitVisits(code, 2);
    }

    @Test
    void batchesForgetWhoWasSentACaseOnceItIsPastThe24HourRulesHorizon() {
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "公民館", "ホール");
        store().awaitCode(code);
        Fixtures.crowd("horizon", 3, code);
        store().awaitVisits(code, 3);
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
        Api.approve(id);
        store().awaitState(id, "DONE", Duration.ofSeconds(90));
        Instant approved = micros(store().query("SELECT (extract(epoch FROM approved_at) * 1000000)::bigint "
                + "FROM exposure_case WHERE id = ?", id));

        // FANOUT_RECENTLY_NOTIFIED + FANOUT_DEADLINE (24 h + 24 h): until then the 24-hour rule may read them
        maintenance.run(approved.plus(Duration.ofHours(48)).minusSeconds(60));
        assertEquals(1, keysHeld(id), "still needed for the 24-hour rule");

        maintenance.run(approved.plus(Duration.ofHours(48)).plusSeconds(1));
        assertEquals(0, keysHeld(id), "nobody can tell from the batches any more who was sent the case");
        assertEquals(3, Api.get("staff1", "/admin/cases/" + id + "/report").then().statusCode(200).extract()
                .jsonPath().getInt("recipients.delivered"), "the report keeps its counts");
    }

    @Test
    void anUnreachableMarkerIsForgottenOnceOlderThanTheVisitRetention() {
        String blocked = Fixtures.user("blocked-long-ago");
        String other = Fixtures.user("blocked-other");
        Fixtures.publishResident(jp.moshisapo.protocol.events.ResidentEvent.Type.UNREACHABLE, blocked);
        await("marker stored").atMost(Duration.ofSeconds(30)).until(() -> marked(blocked));
        Instant since = micros(store().query("SELECT (extract(epoch FROM since) * 1000000)::bigint "
                + "FROM unreachable_resident WHERE resident_key = ?", (Object) index.keyOf(blocked)));

        maintenance.run(since.plus(Duration.ofDays(28)).minusSeconds(60));
        assertTrue(marked(blocked), "younger than the retention: a visit of theirs may still be matched");

        maintenance.run(since.plus(Duration.ofDays(28)).plusSeconds(1));
        assertTrue(!marked(blocked), "older than every visit the store may still match: forgotten");
        Fixtures.publishResident(jp.moshisapo.protocol.events.ResidentEvent.Type.UNREACHABLE, other);
        await("a new marker is still recorded").atMost(Duration.ofSeconds(30)).until(() -> marked(other));
    }

    private boolean marked(String user) {
        return store().count("SELECT count(*) FROM unreachable_resident WHERE resident_key = ?",
                (Object) index.keyOf(user)) == 1;
    }

    private long keysHeld(long caseId) {
        return store().count("SELECT count(*) FROM delivery_batch WHERE case_id = ? AND (resident_keys IS NOT NULL "
                + "OR recipients IS NOT NULL)", caseId);
    }

    private static Instant micros(String sinceEpoch) {
        return Instant.EPOCH.plus(Long.parseLong(sinceEpoch), java.time.temporal.ChronoUnit.MICROS);
    }

    private StoreProbe store() {
        return new StoreProbe(dataSource);
    }

    private boolean partitionExists(LocalDate day) {
        return new StoreProbe(dataSource).count("SELECT count(*) FROM pg_class WHERE relname = ?",
                "visit_p" + day.toString().replace("-", "")) == 1;
    }
}
