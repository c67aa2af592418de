package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.servers.PostgresServer;
import jp.moshisapo.servers.Wait;
import jp.moshisapo.stack.App;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stops and starts again (same data) while residents check in and staff and venues use their APIs:
 * every service reconnects by itself, every acknowledged check-in ends in the visit store exactly once, and health
 * goes back to UP, with no service restarted.
 */
class PostgresRestartIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int PER_PHASE = 15;
    /** Long enough for every service to notice; a managed database's failover takes about as long. */
    private static final Duration OUTAGE = Duration.ofSeconds(10);

    private final PostgresServer postgres = TestStack.get().postgres().orElseThrow();
    private final Staff staff = Staff.of("staff2");
    private final CheckIns checkIns = new CheckIns();
    private final ConcurrentLinkedQueue<Call> duringOutage = new ConcurrentLinkedQueue<>();
    private volatile boolean outage;

    /** One answer of the staff and venue traffic: which call, its status and type, any stack trace in it. */
    record Call(String what, int status, String contentType, boolean stackTrace) {
    }

    @Test
    void servicesRecoverFromADatabaseRestartWithoutLosingOrDoublingAcknowledgedVisits() throws Exception {
        Venue venue = Venue.register("再起動テスト食堂", "客席");
        URI checkinUrl = URI.create(TestStack.gateway() + "/c/" + Venue.canonical(venue.code()));
        ExecutorService residents = Executors.newFixedThreadPool(4);
        ScheduledExecutorService traffic = Executors.newSingleThreadScheduledExecutor();
        try {
            run(residents, phase("before", checkinUrl));
            traffic.scheduleWithFixedDelay(() -> staffAndVenueCalls(venue), 0, 100, TimeUnit.MILLISECONDS);

            postgres.stopServer();
            outage = true;
            long stoppedAt = System.nanoTime();
            List<Future<?>> during = submit(residents, phase("during", checkinUrl));
            Wait.until("a refused staff call and the outage's " + OUTAGE.toSeconds() + " s", OUTAGE.plusMinutes(2),
                    () -> duringOutage.stream().anyMatch(call -> call.status() >= 500 || call.status() == 0)
                            && System.nanoTime() - stoppedAt > OUTAGE.toNanos());
            postgres.restart();
            outage = false;

            Wait.until("every service healthy again, none restarted", Duration.ofMinutes(3), this::allUp);
            Wait.until("staff and venue calls answered again", Duration.ofMinutes(2), () -> allAnswered(venue));
            for (Future<?> future : during) {
                future.get(5, TimeUnit.MINUTES);
            }
            run(residents, phase("after", checkinUrl));
        } finally {
            traffic.shutdownNow();
            residents.shutdownNow();
        }

        int acknowledged = 3 * PER_PHASE;
        long caseId = staff.openCase(venue.code(), LocalDate.now(TOKYO), "PostgreSQL restart drill");
        JsonNode preview = staff.awaitPreviewVisits(caseId, acknowledged, Duration.ofMinutes(2));
        assertEquals(acknowledged, preview.path("visits").asInt(), "every acknowledged visit once: " + preview);
        assertEquals(acknowledged, preview.path("residents").asInt(), preview.toString());

        Map<String, Integer> outcomes = new TreeMap<>();
        duringOutage.forEach(call -> outcomes.merge(call.what() + " " + call.status() + " " + call.contentType(), 1,
                Integer::sum));
        System.out.println("PostgresRestartIT: answers while PostgreSQL was down: " + outcomes
                + "; webhooks refused and redelivered: " + checkIns.refused() + "; scans repeated after an error page: "
                + checkIns.failedScans());
        List<Call> bad = duringOutage.stream().filter(call -> call.stackTrace()
                || call.status() >= 400 && !call.contentType().startsWith("application/problem+json")).toList();
        assertTrue(bad.isEmpty(), "refusals during the outage are problem+json without stack traces: " + bad);
    }

    private void staffAndVenueCalls(Venue venue) {
        record("staff code lookup", () -> staff.get("/admin/codes/" + venue.code()));
        record("staff case list", () -> staff.get("/admin/cases?limit=5"));
        record("venue management", () -> Http.get(TestStack.gateway() + "/api/facilities/"
                + venue.id(), venue.managementToken()));
    }

    private void record(String what, Supplier<Http.Answer> call) {
        try {
            Http.Answer answer = call.get();
            if (outage) {
                duringOutage.add(new Call(what, answer.status(), answer.contentType(), answer.showsStackTrace()));
            }
        } catch (RuntimeException e) {
            if (outage) {
                duringOutage.add(new Call(what, 0, e.getClass().getSimpleName(), false));
            }
        }
    }

    private boolean allAnswered(Venue venue) {
        try {
            return staff.get("/admin/codes/" + venue.code()).status() == 200
                    && staff.get("/admin/cases?limit=5").status() == 200
                    && Http.get(TestStack.gateway() + "/api/facilities/" + venue.id(), venue.managementToken())
                            .status() == 200;
        } catch (UncheckedIOException noAnswerYet) {
            return false;
        }
    }

    private boolean allUp() {
        try {
            for (App app : App.values()) {
                Http.Answer health = Http.download(TestStack.get().ports().healthUrl(app));
                if (health.status() != 200 || !new String(health.raw()).contains("\"UP\"")) {
                    return false;
                }
            }
            return true;
        } catch (UncheckedIOException noAnswerYet) {
            return false;
        }
    }

    private List<Runnable> phase(String phase, URI checkinUrl) {
        String run = Long.toHexString(System.nanoTime());
        return IntStream.range(0, PER_PHASE)
                .mapToObj(i -> LineSimulator.userIdFor("pg-restart-" + run + "-" + phase + "-" + i))
                .<Runnable>map(userId -> () -> checkIns.checkIn(userId, checkinUrl))
                .toList();
    }

    private static void run(ExecutorService pool, List<Runnable> tasks) throws Exception {
        for (Future<?> future : submit(pool, tasks)) {
            future.get(5, TimeUnit.MINUTES);
        }
    }

    private static List<Future<?>> submit(ExecutorService pool, List<Runnable> tasks) {
        List<Future<?>> futures = new ArrayList<>();
        tasks.forEach(task -> futures.add(pool.submit(task)));
        return futures;
    }
}
