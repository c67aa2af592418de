package jp.moshisapo.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.matching.CaseTarget;
import jp.moshisapo.notification.matching.MatchRule;
import jp.moshisapo.notification.matching.MatchWindows;
import jp.moshisapo.notification.matching.Preview;
import jp.moshisapo.notification.matching.PreviewQuery;
import jp.moshisapo.notification.matching.TimeWindow;
import jp.moshisapo.notification.visit.VisitPartitions;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * The preview's counts under both rules, checked against a brute-force count in Java over generated visits: many
 * random cases (codes with different stays, one to three windows, either rule) on times that fall on quarter
 * hours, so scans, window edges and stay ends coincide often. The brute force reads the definition literally:
 * a stay [scan, scan + stay] overlaps a window [start, end) when scan &lt; end and scan + stay &gt;= start.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class StayOverlapPreviewIT {

    private static final int VISITS = 600;
    private static final int RESIDENTS = 60;
    private static final int CASES = 150;
    private static final Duration QUARTER = Duration.ofMinutes(15);

    @Inject
    PreviewQuery previews;

    @Inject
    Db db;

    @Inject
    VisitPartitions partitions;

    record Visit(String code, Instant scan, int resident) {
    }

    @Test
    void previewCountsEqualABruteForceCountForRandomCasesAndVisits() {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        Instant earliest = now.minus(Duration.ofHours(40));
        List<String> codes = List.of(Fixtures.newCode(), Fixtures.newCode(), Fixtures.newCode(), Fixtures.newCode());
        Map<String, Duration> stays = Map.of(codes.get(0), Duration.ofHours(2), codes.get(1), Duration.ofHours(4),
                codes.get(2), Duration.ofMinutes(45), codes.get(3), Duration.ZERO);
        byte[][] residentKeys = new byte[RESIDENTS][];
        for (int r = 0; r < RESIDENTS; r++) {
            residentKeys[r] = ByteBuffer.allocate(32).putLong(random.nextLong()).putLong(seed).putInt(r).array();
        }
        Set<Integer> unreachable = Set.of(3, 17, 42);
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < VISITS; i++) {
            visits.add(new Visit(codes.get(random.nextInt(codes.size())),
                    earliest.plus(QUARTER.multipliedBy(random.nextInt(40 * 4))), random.nextInt(RESIDENTS)));
        }
        store(visits, residentKeys, unreachable);

        for (int n = 0; n < CASES; n++) {
            List<String> picked = codes.stream().filter(c -> random.nextInt(3) > 0).toList();
            List<String> caseCodes = picked.isEmpty() ? List.of(codes.get(random.nextInt(codes.size()))) : picked;
            List<TimeWindow> windows = new ArrayList<>();
            for (int w = 1 + random.nextInt(3); w > 0; w--) {
                Instant start = earliest.minus(Duration.ofHours(3)).plus(QUARTER.multipliedBy(random.nextInt(46 * 4)));
                windows.add(new TimeWindow(start, start.plus(QUARTER.multipliedBy(2 + random.nextInt(24)))));
            }
            MatchRule rule = random.nextBoolean() ? MatchRule.STAY : MatchRule.SCAN;
            CaseTarget target = CaseTarget.of(caseCodes, MatchWindows.merge(windows), rule).withStays(stays::get);
            Preview preview = db.inTransaction(c -> previews.preview(c, -1, target, now));

            String label = "seed " + seed + ", case " + n + ": " + rule + " " + caseCodes + " " + windows;
            Predicate<Visit> byRule = v -> caseCodes.contains(v.code())
                    && reached(v, windows, rule == MatchRule.STAY ? stays.get(v.code()) : Duration.ZERO);
            List<Visit> matching = visits.stream().filter(byRule).toList();
            assertEquals(matching.size(), preview.visits(), label + ": visits");
            assertEquals(residents(matching, v -> true), preview.residents(), label + ": residents");
            assertEquals(residents(matching, v -> unreachable.contains(v.resident())), preview.unreachable(),
                    label + ": unreachable");
            for (String code : caseCodes) {
                List<Visit> atCode = visits.stream().filter(v -> v.code().equals(code)).toList();
                Preview.CodeCount counted = preview.codes().stream().filter(c -> c.code().equals(code)).findFirst()
                        .orElse(new Preview.CodeCount(code, 0, 0, 0, 0));
                assertEquals(residents(atCode, v -> reached(v, windows, Duration.ZERO)), counted.scannedInWindow(),
                        label + ": residents who scanned in a window at " + code);
                assertEquals(residents(atCode, v -> reached(v, windows, stays.get(code))), counted.stayOverlaps(),
                        label + ": residents whose stay overlaps at " + code + " (" + stays.get(code) + ")");
                assertEquals(residents(atCode, byRule), counted.residents(), label + ": residents at " + code);
            }
        }
    }

    /** The definition, read literally: the closed stay meets the half-open window. */
    private static boolean reached(Visit v, List<TimeWindow> windows, Duration stay) {
        Instant left = v.scan().plus(stay);
        return windows.stream().anyMatch(w -> v.scan().isBefore(w.end()) && !left.isBefore(w.start()));
    }

    private static int residents(List<Visit> visits, Predicate<Visit> filter) {
        return visits.stream().filter(filter).map(Visit::resident).collect(Collectors.toSet()).size();
    }

    private void store(List<Visit> visits, byte[][] residentKeys, Set<Integer> unreachable) {
        Set<java.time.LocalDate> days = new HashSet<>();
        visits.forEach(v -> days.add(partitions.days().dayOf(v.scan())));
        partitions.ensure(days);
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO visit (visited_at, visit_id, code, "
                    + "resident_key, key_id, user_id, recorded_at) VALUES (?, ?, ?, ?, 'test', ?, now())")) {
                for (Visit v : visits) {
                    s.setTimestamp(1, Timestamp.from(v.scan()));
                    s.setObject(2, UUID.randomUUID());
                    s.setString(3, v.code());
                    s.setBytes(4, residentKeys[v.resident()]);
                    s.setBytes(5, new byte[] {1});
                    s.addBatch();
                }
                s.executeBatch();
            }
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO unreachable_resident (resident_key, since) VALUES (?, now())")) {
                for (int r : unreachable) {
                    s.setBytes(1, residentKeys[r]);
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }
}
