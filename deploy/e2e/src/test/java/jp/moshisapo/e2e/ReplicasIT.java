package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.servers.Wait;
import jp.moshisapo.stack.App;
import jp.moshisapo.stack.LocalStack;
import jp.moshisapo.stack.LocalStack.Replica;
import jp.moshisapo.stack.Ports;
import jp.moshisapo.stack.StackSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of every service, as the manifests run them, each service behind one address the way a Kubernetes
 * Service gives it: the work is shared (Kafka consumer groups, the outbox relay, the fan-out leader), and a replica
 * of each killed in the middle of a story or of a case loses nothing and sends nothing twice. Takeover times are
 * printed for docs/operations.md.
 */
class ReplicasIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int RESIDENTS_PER_PHASE = 30;
    private static final int RECIPIENTS = 20_000;
    /** LINE answering late keeps requests in flight when the sending replica dies (see NotificationKillIT). */
    private static final Duration SLOW_LINE = Duration.ofSeconds(2);
    private static final Pattern SAMPLE = Pattern.compile("(?m)^([a-z_]+)(\\{[^}]*})? ([0-9.eE+-]+)$");

    private static LocalStack stack;

    @BeforeAll
    static void startTwoOfEverything() {
        Path root = Path.of(System.getProperty("moshisapo.root", "../..")).toAbsolutePath().normalize();
        Map<String, String> env = new HashMap<>(TestStack.GENEROUS_RATE_LIMITS);
        env.put("STACK_REPLICAS", "2");
        stack = LocalStack.start(new StackSettings(root, env, Ports.free(),
                root.resolve("deploy/e2e/target/replica-stack-logs")));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void checkInsGoOnWhileAReplicaOfTheGatewayCheckinAndFacilityServiceDies() throws Exception {
        LineSimulator line = stack.simulator().orElseThrow();
        CheckIns checkIns = new CheckIns(line);
        String gateway = stack.gatewayUrl();
        Venue before = Venue.registerAt(gateway, "二重化テスト食堂", "客席");
        URI beforeUrl = URI.create(gateway + "/c/" + Venue.canonical(before.code()));
        Venue after;
        ExecutorService residents = Executors.newFixedThreadPool(4);
        try {
            Crowd.run(residents, "before", RESIDENTS_PER_PHASE,
                    user -> checkIns.checkInAtNewVenue(user, beforeUrl, Duration.ofMinutes(3)));
            for (int index = 0; index < 2; index++) {
                double recorded = metric(new Replica(App.CHECKIN, index), "moshisapo_checkin_visits_recorded_total");
                assertTrue(recorded > 0, "checkin-service replica " + (index + 1) + " stored visits too (its share "
                        + "of the webhook events' partitions): " + recorded);
            }

            AtomicInteger done = new AtomicInteger();
            List<Future<?>> during = Crowd.start(residents, "during", RESIDENTS_PER_PHASE, user -> {
                checkIns.checkIn(user, beforeUrl);
                done.incrementAndGet();
            });
            Wait.until("a few check-ins of the second burst", Duration.ofMinutes(3), () -> done.get() >= 5);
            long killedAt = System.nanoTime();
            stack.kill(new Replica(App.GATEWAY, 0));
            stack.kill(new Replica(App.CHECKIN, 0));
            stack.kill(new Replica(App.FACILITY, 0));
            Crowd.await(during);

            // Registered on the surviving facility replica: its relay now takes the outbox alone, and the code
            // reaches checkin-service (a resident can check in) and notification-service (a case can name it).
            after = registerPatiently(gateway, "二重化テスト喫茶", "店内");
            URI afterUrl = URI.create(gateway + "/c/" + Venue.canonical(after.code()));
            Crowd.run(residents, "after", RESIDENTS_PER_PHASE,
                    user -> checkIns.checkInAtNewVenue(user, afterUrl, Duration.ofMinutes(3)));
            System.out.printf("ReplicasIT: the second burst and a new venue completed %d s after the kill; "
                    + "%d webhooks refused and redelivered%n",
                    Duration.ofNanos(System.nanoTime() - killedAt).toSeconds(), checkIns.refused());
        } finally {
            residents.shutdownNow();
        }

        Staff staff = Staff.of("staff2", stack);
        LocalDate today = LocalDate.now(TOKYO);
        JsonNode first = staff.awaitPreviewVisits(staff.openCase(before.code(), today, "replica drill, first venue"),
                2 * RESIDENTS_PER_PHASE, Duration.ofMinutes(3));
        assertEquals(2 * RESIDENTS_PER_PHASE, first.path("visits").asInt(), "each check-in stored once: " + first);
        assertEquals(2 * RESIDENTS_PER_PHASE, first.path("residents").asInt(), first.toString());
        JsonNode second = staff.awaitPreviewVisits(staff.openCase(after.code(), today, "replica drill, second venue"),
                RESIDENTS_PER_PHASE, Duration.ofMinutes(3));
        assertEquals(RESIDENTS_PER_PHASE, second.path("visits").asInt(), "each check-in stored once: " + second);
    }

    @Test
    void aCaseGoesOnWhenTheSendingReplicaDies() throws Exception {
        LineSimulator line = stack.simulator().orElseThrow();
        Staff staff = Staff.of("staff1", stack);
        Staff approver = Staff.of("approver1", stack);
        Venue venue = Venue.registerAt(stack.gatewayUrl(), "大型商業施設（二重化訓練）", "全館");
        Instant visitedAt = Instant.now().minusSeconds(60);
        List<String> residents = VisitFeed.publish(stack, venue.code(), "replica-" + UUID.randomUUID(), RECIPIENTS,
                visitedAt);
        long caseId = staff.openCase(venue.code(), visitedAt.atZone(TOKYO).toLocalDate(), "replica fan-out drill");
        JsonNode preview = staff.awaitPreviewVisits(caseId, RECIPIENTS, Duration.ofMinutes(3));
        assertEquals(RECIPIENTS, preview.path("recipients").asInt(), preview.toString());

        long acceptedBefore = line.stats().of(Endpoint.MULTICAST).accepted();
        int batches = RECIPIENTS / 500;
        Replica leader;
        long killedAt;
        long acceptedAtKill;
        line.faults().delay(Endpoint.MULTICAST, SLOW_LINE);
        try {
            approver.approve(caseId);
            Wait.until("LINE to receive the first multicasts", Duration.ofMinutes(3),
                    () -> line.stats().of(Endpoint.MULTICAST).accepted() - acceptedBefore >= 5);
            leader = fanOutLeader();
            stack.kill(leader);
            killedAt = System.nanoTime();
            acceptedAtKill = line.stats().of(Endpoint.MULTICAST).accepted() - acceptedBefore;
        } finally {
            line.faults().clear(Endpoint.MULTICAST);
        }
        assertTrue(acceptedAtKill < batches, "killed mid-send: " + acceptedAtKill + " of " + batches);

        AtomicReference<Duration> takeover = new AtomicReference<>();
        Wait.until("the other replica to send again", Duration.ofMinutes(2), () -> {
            boolean resumed = line.stats().of(Endpoint.MULTICAST).accepted() - acceptedBefore > acceptedAtKill;
            if (resumed) {
                takeover.set(Duration.ofNanos(System.nanoTime() - killedAt));
            }
            return resumed;
        });
        staff.awaitState(caseId, "DONE", Duration.ofMinutes(3));

        List<String> wrong = residents.stream().filter(user -> line.inboxSize(user) != 1).toList();
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + RECIPIENTS + " residents did not get exactly one message");
        assertEquals(batches, line.stats().of(Endpoint.MULTICAST).accepted() - acceptedBefore,
                "LINE accepted each batch once: the new leader retried with the same retry keys");
        System.out.printf("ReplicasIT: %s killed after %d of %d multicasts; the other replica sent again after "
                + "%d ms%n", leader, acceptedAtKill, batches, takeover.get().toMillis());
    }

    /** The notification-service replica that logged taking the fan-out lock last. */
    private static Replica fanOutLeader() throws IOException {
        Replica leader = null;
        for (int index = 0; index < 2; index++) {
            Replica replica = new Replica(App.NOTIFICATION, index);
            if (Files.readString(stack.logFile(replica)).contains("now sends exposure cases (fan-out leader)")) {
                assertTrue(leader == null, "two replicas claim the fan-out lock");
                leader = replica;
            }
        }
        assertTrue(leader != null, "a notification-service replica leads the fan-out");
        return leader;
    }

    /** A registration sent again when the connection it used broke with the replica it led to. */
    private static Venue registerPatiently(String gateway, String name, String room) {
        AtomicReference<Venue> venue = new AtomicReference<>();
        Wait.until("a registration through the surviving replicas", Duration.ofMinutes(1), () -> {
            try {
                venue.set(Venue.registerAt(gateway, name, room));
                return true;
            } catch (UncheckedIOException brokenConnection) {
                return false;
            }
        });
        return venue.get();
    }

    /** The sum of a counter's samples (all label sets) on one replica's management port. */
    private static double metric(Replica replica, String name) {
        Http.Answer scrape = Http.download(stack.managementUrl(replica) + "/q/metrics");
        assertEquals(200, scrape.status(), replica + " metrics");
        double sum = 0;
        Matcher sample = SAMPLE.matcher(new String(scrape.raw(), java.nio.charset.StandardCharsets.UTF_8));
        while (sample.find()) {
            if (sample.group(1).equals(name)) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }
}
