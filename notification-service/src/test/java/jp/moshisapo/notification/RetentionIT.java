package jp.moshisapo.notification;

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

    private boolean partitionExists(LocalDate day) {
        return new StoreProbe(dataSource).count("SELECT count(*) FROM pg_class WHERE relname = ?",
                "visit_p" + day.toString().replace("-", "")) == 1;
    }
}
