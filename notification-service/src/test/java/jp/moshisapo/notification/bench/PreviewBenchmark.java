package jp.moshisapo.notification.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.moshisapo.notification.ServiceProcess;
import jp.moshisapo.protocol.code.PrintedCode;

/**
 * Preview latency over a store of 10 million visits (28 days, 20,000 venues, 2 million residents): p50/p99 of
 * {@code GET /admin/cases/{id}} for a venue with 1,000 matching visits and one with 100,000 (whole day: by scan),
 * and for the large venue with a two-hour window (by time of stay, a 2-hour stay); then the statistics staff read
 * over the same store ({@code GET /admin/stats/checkins|friends|cases}). The hourly check-in counts are built from
 * the generated visits in one statement, as ingest would have kept them.
 *
 * <pre>
 * ./mvnw -B -pl notification-service package -DskipTests
 * ./mvnw -B -pl notification-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.moshisapo.notification.bench.PreviewBenchmark [-Dexec.args=10000000]
 * </pre>
 */
public final class PreviewBenchmark {

    private static final ZoneId IWATE = ZoneId.of("Asia/Tokyo");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private PreviewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        try (BenchStack stack = BenchStack.start(true)) {
            ServiceProcess service = stack.startService(Map.of());
            SecureRandom random = new SecureRandom();
            String small = PrintedCode.generate(random).canonical();
            String large = PrintedCode.generate(random).canonical();
            LocalDate day = LocalDate.now(IWATE).minusDays(1);
            try (Connection c = stack.sql()) {
                generate(c, total, small, large, day);
            }
            String token = stack.token("staff1");
            BenchStack.printLoad();
            long stored = total + 101_000;
            measure(service, token, "venue with 1,000 matching visits", create(service, token, small, day), 30, 300,
                    stored, "100 ms");
            measure(service, token, "venue with 100,000 matching visits", create(service, token, large, day), 10, 100,
                    stored, "1 s");
            String window = "{\"from\":\"" + day + "T10:00+09:00\",\"to\":\"" + day + "T12:00+09:00\"}";
            measure(service, token, "venue with 100,000 visits, 10:00–12:00 by time of stay (2 h)",
                    create(service, token, "{\"codes\":[\"" + large + "\"],\"window\":" + window
                            + ",\"note\":\"benchmark\"}"), 10, 100, stored, "1 s");
            for (String stats : new String[] {"checkins", "friends", "cases"}) {
                time(service, token, "/admin/stats/" + stats, "statistics " + stats + " (per day"
                        + (stats.equals("checkins") ? " and per hour of day" : "") + ")", 10, 100, stored, "1 s");
            }
            BenchStack.printLoad();
        }
        System.exit(0);
    }

    private static void generate(Connection c, long total, String small, String large, LocalDate day)
            throws Exception {
        long t = System.nanoTime();
        long chunk = 1_000_000;
        try (Statement s = c.createStatement()) {
            for (long from = 1; from <= total; from += chunk) {
                long to = Math.min(total, from + chunk - 1);
                // 20,000 venues, 2 million residents, visits spread over the 27 days before now
                s.execute("INSERT INTO visit (visited_at, visit_id, code, resident_key, key_id, user_id, recorded_at) "
                        + "SELECT t, gen_random_uuid(), 'BENCH' || lpad((i % 20000)::text, 4, '0'), "
                        + "sha256(int8send((random() * 2000000)::bigint)), 'local-only-1', "
                        + "sha256(int8send(i)) || sha256(int8send(-i)), t + interval '10 seconds' "
                        + "FROM (SELECT i, now() - random() * interval '27 days' AS t "
                        + "FROM generate_series(" + from + ", " + to + ") i) g");
                System.out.printf("  %,d visits stored (%.0f s)%n", to, (System.nanoTime() - t) / 1e9);
            }
            String dayStart = "'" + day.atStartOfDay(IWATE).toOffsetDateTime() + "'::timestamptz";
            s.execute(venue(small, 1_000, dayStart));
            s.execute(venue(large, 100_000, dayStart));
            s.execute("INSERT INTO code_state VALUES ('" + small + "', 'ACTIVE', gen_random_uuid(), 'ベンチ喫茶', "
                    + "'1階', now(), 'FOOD_SERVICE'), ('" + large + "', 'ACTIVE', gen_random_uuid(), 'ベンチ競技場', "
                    + "'スタンド', now(), 'FOOD_SERVICE')");
            // what ingest keeps beside the visits (V9): the statistics read these, never the 10 million rows
            s.execute("INSERT INTO visit_hour_count (hour, visits) SELECT date_trunc('hour', visited_at, 'UTC'), "
                    + "count(*) FROM visit GROUP BY 1");
            s.execute("INSERT INTO friend_day_count (day, followed, blocked) SELECT d::date, "
                    + "(random() * 2000)::int, (random() * 100)::int FROM generate_series(now() - interval '27 days', "
                    + "now(), interval '1 day') d");
            s.execute("VACUUM ANALYZE visit");
        }
        System.out.printf("generated %,d + 101,000 visits in %.0f s%n", total, (System.nanoTime() - t) / 1e9);
    }

    private static String venue(String code, int visits, String dayStart) {
        return "INSERT INTO visit (visited_at, visit_id, code, resident_key, key_id, user_id, recorded_at) "
                + "SELECT t, gen_random_uuid(), '" + code + "', sha256(int8send((random() * 2000000)::bigint)), "
                + "'local-only-1', sha256(int8send(i)), t FROM (SELECT i, " + dayStart
                + " + random() * interval '23 hours' AS t FROM generate_series(1, " + visits + ") i) g";
    }

    private static long create(ServiceProcess service, String token, String code, LocalDate day) throws Exception {
        return create(service, token, "{\"codes\":[\"" + code + "\"],\"dates\":[\"" + day
                + "\"],\"note\":\"benchmark\"}");
    }

    private static long create(ServiceProcess service, String token, String body) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl()
                + "/admin/cases")).header("Authorization", "Bearer " + token).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("case not created: " + response.statusCode() + " " + response.body());
        }
        System.out.println("case: " + response.body().replaceAll("\"message\":\"[^\"]*\",", ""));
        return Long.parseLong(id.group(1));
    }

    private static void measure(ServiceProcess service, String token, String what, long caseId, int warmup,
            int runs, long storeSize, String target) throws Exception {
        time(service, token, "/admin/cases/" + caseId, "preview, " + what, warmup, runs, storeSize, target);
    }

    private static void time(ServiceProcess service, String token, String path, String what, int warmup,
            int runs, long storeSize, String target) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + token).build();
        Percentiles latency = new Percentiles(runs);
        for (int i = 0; i < warmup + runs; i++) {
            long t = System.nanoTime();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(what + " failed: " + response.statusCode() + " " + response.body());
            }
            if (i >= warmup) {
                latency.add(System.nanoTime() - t);
            }
        }
        System.out.println(what + ": " + latency.summary());
        System.out.printf("RESULT | %s, in a store of %,d visits | p50 %.0f ms, p99 %.0f ms | p99 ≤ %s%n",
                what, storeSize, latency.percentile(50), latency.percentile(99), target);
    }
}
