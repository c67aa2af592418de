package jp.moshisapo.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import jp.moshisapo.stack.App;
import jp.moshisapo.stack.LocalStack;
import jp.moshisapo.stack.Ports;
import jp.moshisapo.stack.StackSettings;

/**
 * The printed code's lookups over real HTTP: what a phone does when it scans a poster ({@code /c/{code}}, the code
 * and its venue read, then the redirect into LINE or the venue's page) and what a venue does when it prints one
 * ({@code qr.png}, {@code poster.pdf}; each also reads the code and venue first). Each is timed straight at
 * facility-service and through the gateway, with a fixed number of clients sending back to back over keep-alive
 * connections, for a fixed time after a warm-up; the codes are spread over many registered venues and rooms, so
 * the lookups hit different rows. Prints requests/s and latency percentiles. Not a test: a command (see
 * docs/performance.md, "Code lookups"), bounded in time.
 *
 * <pre>
 * ./mvnw -B -pl deploy/e2e -am install -DskipTests
 * ./mvnw -B -pl deploy/e2e exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.moshisapo.e2e.CodeLookupBenchmark [-Dexec.args="15 16"]
 * </pre>
 *
 * Arguments: seconds measured per endpoint and path (default 15, after a third of that to warm up), clients
 * (default 16).
 */
public final class CodeLookupBenchmark {

    private static final int VENUES = 40;
    private static final int ROOMS_PER_VENUE = 5;

    private record Endpoint(String name, String pathFormat) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("scan of a poster's link, /c/{code}", "/c/%s"),
            new Endpoint("QR image, /api/codes/{code}/qr.png", "/api/codes/%s/qr.png"),
            new Endpoint("A4 poster, /api/codes/{code}/poster.pdf", "/api/codes/%s/poster.pdf"));

    private CodeLookupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path root = Path.of(System.getProperty("moshisapo.root", ".")).toAbsolutePath().normalize();
        // One load generator address sends everything: the gateway's per-address limits would refuse it, so they
        // are raised (the limiter still runs for every request).
        StackSettings settings = new StackSettings(root, Map.of("RATE_CHECK_IN_PER_MINUTE", "1000000000",
                "RATE_CODE_IMAGES_PER_MINUTE", "1000000000", "RATE_REGISTRATION_PER_MINUTE", "1000000"),
                Ports.free(), root.resolve("deploy/e2e/target/bench-logs"));
        try (LocalStack stack = LocalStack.start(settings)) {
            run(stack, Duration.ofSeconds(seconds), clients);
        }
        System.exit(0);
    }

    private static void run(LocalStack stack, Duration measured, int clients) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int v = 0; v < VENUES; v++) {
            String[] rooms = new String[ROOMS_PER_VENUE];
            for (int r = 0; r < rooms.length; r++) {
                rooms[r] = "部屋" + (r + 1);
            }
            codes.addAll(Venue.registerAt(stack.gatewayUrl(), "ベンチ食堂 " + v, rooms).codes());
        }
        System.out.printf("%d codes of %d venues; %d clients, %d s measured after %d s of warm-up; %d cores%n",
                codes.size(), VENUES, clients, measured.toSeconds(), measured.toSeconds() / 3,
                Runtime.getRuntime().availableProcessors());
        Map<String, String> targets = Map.of("facility-service", stack.ports().url(App.FACILITY),
                "through the gateway", stack.gatewayUrl());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        for (Endpoint endpoint : ENDPOINTS) {
            for (String target : List.of("facility-service", "through the gateway")) {
                String base = targets.get(target);
                load(http, base, endpoint, codes, clients, measured.dividedBy(3)); // warm-up, not counted
                Figures f = load(http, base, endpoint, codes, clients, measured);
                System.out.printf("%s, %s: %,d requests, %.0f/s, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, "
                        + "%d not 2xx/3xx%n", endpoint.name(), target, f.requests(), f.perSecond(), f.p50(), f.p95(),
                        f.p99(), f.failed());
                System.out.printf("RESULT | %s, %s (%d clients) | %.0f requests/s, p50 %.1f ms, p99 %.1f ms%s | —%n",
                        endpoint.name(), target, clients, f.perSecond(), f.p50(), f.p99(),
                        f.failed() == 0 ? "" : ", " + f.failed() + " failed");
            }
        }
    }

    private record Figures(long requests, double perSecond, double p50, double p95, double p99, long failed) {
    }

    /** {@code clients} threads, each sending the next request when the last one is answered, for {@code length}. */
    private static Figures load(HttpClient http, String base, Endpoint endpoint, List<String> codes, int clients,
            Duration length) throws Exception {
        AtomicLong failed = new AtomicLong();
        long end = System.nanoTime() + length.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<long[]>> runs = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            runs.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int n = 0;
                while (System.nanoTime() < end) {
                    String code = codes.get(ThreadLocalRandom.current().nextInt(codes.size())).replace("-", "");
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base
                            + String.format(endpoint.pathFormat(), code))).timeout(Duration.ofSeconds(30)).build();
                    long t = System.nanoTime();
                    HttpResponse<byte[]> answer = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    long took = System.nanoTime() - t;
                    if (answer.statusCode() >= 400) {
                        failed.incrementAndGet();
                    }
                    if (n == latencies.length) {
                        latencies = Arrays.copyOf(latencies, n * 2);
                    }
                    latencies[n++] = took;
                }
                return Arrays.copyOf(latencies, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> run : runs) {
            all.add(run.get());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        pool.shutdownNow();
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Figures(latencies.length, latencies.length / elapsed, millis(latencies, 0.50),
                millis(latencies, 0.95), millis(latencies, 0.99), failed.get());
    }

    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }
}
