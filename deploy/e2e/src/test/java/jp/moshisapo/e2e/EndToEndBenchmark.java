package jp.moshisapo.e2e;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.servers.Wait;
import jp.moshisapo.stack.LocalStack;
import jp.moshisapo.stack.Ports;
import jp.moshisapo.stack.StackSettings;

/**
 * The whole system under one burst: residents check in at one venue through the gateway (follow, scan the
 * poster's URL, 同意する — each a signed webhook the simulator posts as LINE does), then staff open a case for
 * that room and day, and an approver sends it. Prints the check-in rate and the time from approval to the last
 * notice in the simulator. Not a test: a command (see docs/performance.md), bounded in time.
 *
 * <pre>
 * ./mvnw -B -pl deploy/e2e -am install -DskipTests
 * ./mvnw -B -pl deploy/e2e exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.moshisapo.e2e.EndToEndBenchmark [-Dexec.args="100000 32"]
 * </pre>
 */
public final class EndToEndBenchmark {

    private static final ZoneId IWATE = ZoneId.of("Asia/Tokyo");
    private static final Duration PHASE_LIMIT = Duration.ofMinutes(30);

    private EndToEndBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int residents = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        // exec:java runs in Maven's JVM, whose working directory is the project root
        Path root = Path.of(System.getProperty("moshisapo.root", ".")).toAbsolutePath().normalize();
        // One load generator address sends every scan: the per-address limit of /c/** would refuse it, so it is
        // raised (the limiter still runs for every request). Everything else runs with its defaults.
        StackSettings settings = new StackSettings(root, Map.of("RATE_CHECK_IN_PER_MINUTE", "1000000000"),
                Ports.free(), root.resolve("deploy/e2e/target/bench-logs"));
        try (LocalStack stack = LocalStack.start(settings)) {
            run(stack, residents, threads);
        }
        System.exit(0);
    }

    private static void run(LocalStack stack, int residents, int threads) throws Exception {
        String gateway = stack.gatewayUrl();
        LineSimulator line = stack.simulator().orElseThrow();
        String code = register(gateway);
        URI poster = URI.create(gateway + "/c/" + code.replace("-", ""));
        List<String> users = new ArrayList<>(residents);
        for (int i = 0; i < residents; i++) {
            users.add(LineSimulator.userIdFor("bench-" + i));
        }
        System.out.printf("%,d residents, %d threads, venue code %s; %d cores%n", residents, threads, code,
                Runtime.getRuntime().availableProcessors());

        // A webhook the system does not answer within LINE's 2 s is redelivered, as LINE does, and counted.
        CheckIns checkIns = new CheckIns(line);
        long start = System.nanoTime();
        parallel(threads, residents, i -> {
            String user = users.get(i);
            checkIns.deliver(() -> line.follow(user));
            Wait.until("the poster's link to lead into LINE", Duration.ofMinutes(5), () -> checkIns.scan(user, poster));
        });
        parallel(threads, residents, i -> {
            String user = users.get(i);
            Wait.until("the consent prompt", Duration.ofMinutes(5), () ->
                    line.inbox(user).stream().anyMatch(m -> m.actionLabels().contains("同意する")));
            checkIns.deliver(() -> line.tap(user, "同意する"));
        });
        double checkinSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("check-ins: %,d in %.1f s = %.0f/s (3 webhooks each, through the gateway); webhooks "
                + "redelivered %d, scans repeated %d%n", residents, checkinSeconds, residents / checkinSeconds,
                checkIns.refused(), checkIns.failedScans());

        Staff staff = Staff.of("staff1", stack);
        long caseId = staff.openCase(code, LocalDate.now(IWATE), "benchmark");
        staff.awaitPreviewVisits(caseId, residents, PHASE_LIMIT);
        double storedSeconds = (System.nanoTime() - start) / 1e9;

        Staff approver = Staff.of("approver1", stack);
        approver.token(); // fetched before the clock starts
        Instant approved = Instant.now();
        requireOk(approver.post("/admin/cases/" + caseId + "/approve", null).status(), "approve");
        Wait.until("every resident's notice", PHASE_LIMIT, () -> noticed(line, users) == residents);
        Instant last = users.stream().flatMap(u -> line.inbox(u).stream())
                .filter(m -> InboxMessage.MULTICAST.equals(m.via())).map(InboxMessage::receivedAt)
                .max(Instant::compareTo).orElseThrow();
        double sendSeconds = Duration.between(approved, last).toMillis() / 1000.0;
        long duplicates = users.stream().filter(u -> line.inbox(u).stream()
                .filter(m -> InboxMessage.MULTICAST.equals(m.via())).count() > 1).count();
        System.out.printf("notices: %,d residents, %.2f s from approval to the last notice, %d duplicates%n",
                residents, sendSeconds, duplicates);

        // Lines the project's bench script collects into docs/performance.md.
        System.out.printf("RESULT | %,d check-ins through the gateway (follow, scan, consent) | %.0f check-ins/s "
                + "(%.0f s; %d webhooks redelivered after LINE's 2 s timeout) | —%n", residents,
                residents / checkinSeconds, checkinSeconds, checkIns.refused());
        System.out.printf("RESULT | from the first check-in until all %,d visits count in a case preview | %.0f s "
                + "| —%n", residents, storedSeconds);
        System.out.printf("RESULT | case matching all %,d: approval to the last notice in the simulator | %.1f s "
                + "| — (200 multicasts/s allow ~%.1f s)%n", residents, sendSeconds, residents / 100_000.0);
        System.out.printf("RESULT | notices duplicated / missing | %d / %d | 0 / 0%n", duplicates,
                residents - noticed(line, users));
    }

    private static String register(String gateway) {
        Http.Answer answer = Http.post(gateway + "/api/facilities", null, Map.of("businessType", "ASSEMBLY_EXHIBITION",
                "scale", "OVER_1000", "name", "ベンチマーク アリーナ", "postalCode", "020-0045",
                "address1", "岩手県盛岡市盛岡駅西通", "phone", "019-000-0000", "email", "bench@example.jp",
                "termsAccepted", true, "receiveNotices", false, "rooms", List.of("アリーナ")));
        requireOk(answer.status(), "venue registration");
        return answer.json().path("rooms").path(0).path("code").asText();
    }

    private static long noticed(LineSimulator line, List<String> users) {
        return users.stream().filter(u -> line.inbox(u).stream()
                .anyMatch(m -> InboxMessage.MULTICAST.equals(m.via()))).count();
    }

    private static void parallel(int threads, int count, IntConsumer action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> action.accept(index)));
            }
            for (Future<?> f : done) {
                f.get(PHASE_LIMIT.toMinutes(), TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void requireOk(int status, String what) {
        if (status / 100 != 2) {
            throw new IllegalStateException(what + " answered HTTP " + status);
        }
    }
}
