package jp.moshisapo.linesim.bench;

import jp.moshisapo.linesim.LineIds;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.linesim.http.HttpIo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Measures whether the simulator absorbs the notification fan-out: REQUESTS multicasts of RECIPIENTS distinct,
 * never-seen user ids each (a million inbox entries by default), paced at RATE requests/s like a sender that
 * respects LINE's limit, each with its own retry key; a 429 is retried after 50 ms. Prints elapsed time,
 * throughput, p50/p99 latency and the heap the inbox needs.
 *
 * <pre>java -cp deploy/line-simulator/target/line-simulator.jar jp.moshisapo.linesim.bench.MulticastBench
 *      [--requests 2000] [--recipients 500] [--rate 200] [--threads 16] [--sim URL --token TOKEN]</pre>
 * Without --sim it starts a simulator in-process (same JVM, so heap figures are the simulator's).
 */
public final class MulticastBench {

    private MulticastBench() {
    }

    public static void main(String[] args) throws Exception {
        try {
            bench(args);
        } finally {
            // The JDK HttpClient keeps non-daemon selector threads for a while; the measurement is complete.
            System.out.flush();
            Runtime.getRuntime().halt(0);
        }
    }

    private static void bench(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int requests = Integer.parseInt(options.getOrDefault("requests", "2000"));
        int recipients = Integer.parseInt(options.getOrDefault("recipients", "500"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "200"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "16"));

        LineSimulator local = options.containsKey("sim") ? null
                : LineSimulator.start(LineSimulatorConfig.defaults().withMulticastPerSecond(rate));
        URI base = local != null ? local.baseUrl() : URI.create(options.get("sim"));
        String token = local != null ? local.config().channelAccessToken()
                : options.getOrDefault("token", LineSimulatorConfig.LOCAL_CHANNEL_ACCESS_TOKEN);
        try {
            System.out.printf("preparing %d multicast bodies of %d recipients...%n", requests, recipients);
            List<byte[]> bodies = bodies(requests, recipients);
            run(base, token, bodies, rate, threads, recipients);
            if (local != null) {
                printHeap(local);
            }
        } finally {
            if (local != null) {
                local.close();
            }
        }
    }

    private static void run(URI base, String token, List<byte[]> bodies, int rate, int threads, int recipients)
            throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong rateLimited = new AtomicLong();
        long[] latencies = new long[bodies.size()];
        long start = System.nanoTime();
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            long due = start + i * 1_000_000_000L / rate;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            results.add(pool.submit(() -> send(http, base, token, bodies.get(index), latencies, index, rateLimited)));
        }
        long failed = 0;
        for (Future<Integer> result : results) {
            if (result.get() != 200) {
                failed++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        System.out.printf("%d multicasts (%d recipients) in %.2f s: %.0f requests/s, %.0f recipients/s%n",
                bodies.size(), (long) bodies.size() * recipients, seconds, bodies.size() / seconds,
                bodies.size() * (double) recipients / seconds);
        System.out.printf("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms; 429 answers retried: %d; failed: %d%n",
                latencies[latencies.length / 2] / 1e6, latencies[(int) (latencies.length * 0.99)] / 1e6,
                latencies[latencies.length - 1] / 1e6, rateLimited.get(), failed);
    }

    private static int send(HttpClient http, URI base, String token, byte[] body, long[] latencies, int index,
                            AtomicLong rateLimited) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v2/bot/message/multicast"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("X-Line-Retry-Key", UUID.randomUUID().toString())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        while (true) {
            long sent = System.nanoTime();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            latencies[index] = System.nanoTime() - sent;
            if (status != 429) {
                return status;
            }
            rateLimited.incrementAndGet();
            Thread.sleep(50);
        }
    }

    private static List<byte[]> bodies(int requests, int recipients) {
        List<byte[]> bodies = new ArrayList<>(requests);
        Map<String, Object> message = Map.of("type", "text",
                "text", "【もしサポ岩手】ご利用の施設で感染者が確認されました。体調に気をつけてお過ごしください。");
        for (int r = 0; r < requests; r++) {
            List<String> to = new ArrayList<>(recipients);
            for (int i = 0; i < recipients; i++) {
                to.add(LineIds.userIdFor("bench-" + r + "-" + i));
            }
            bodies.add(HttpIo.toJson(Map.of("to", to, "messages", List.of(message))));
        }
        return bodies;
    }

    private static void printHeap(LineSimulator sim) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("inbox: %d users, %d messages; heap used after GC: %d MB (max %d MB)%n",
                sim.inboxes().userCount(), sim.stats().messagesDelivered(),
                (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024), rt.maxMemory() / (1024 * 1024));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }
}
