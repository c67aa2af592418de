package jp.moshisapo.notification.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.moshisapo.linesim.messaging.EndpointStats;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.notification.ServiceProcess;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.Purpose;
import jp.moshisapo.notification.crypto.ResidentIndex;
import jp.moshisapo.protocol.code.PrintedCode;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fan-out of one case with 1,000,000 recipients to the LINE simulator at LINE's real limit (200 multicasts/s,
 * 500 recipients each): time from approval to DONE, duplicates and losses counted in the simulator's inboxes.
 *
 * <pre>
 * ./mvnw -B -pl notification-service package -DskipTests
 * ./mvnw -B -pl notification-service exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.moshisapo.notification.bench.FanoutBenchmark [-Dexec.args=1000000]
 * </pre>
 */
public final class FanoutBenchmark {

    /** The service's local-only defaults (application.properties): the visits must open with its keys. */
    private static final String LOCAL_VISIT_KEYS = "local-only-1:bG9jYWwtb25seSB2aXNpdCBrZXkgTk9UIFNFQ1JFVCE=";
    private static final String LOCAL_INDEX_KEY = "bG9jYWwtb25seSByZXNpZGVudCBpbmRleCBrZXkgISEhIQ==";
    private static final ZoneId IWATE = ZoneId.of("Asia/Tokyo");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FanoutBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int recipients = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        try (BenchStack stack = BenchStack.start(true)) {
            ServiceProcess service = stack.startService(Map.of());
            String code = PrintedCode.generate(new SecureRandom()).canonical();
            String warmCode = PrintedCode.generate(new SecureRandom()).canonical();
            try (Connection c = stack.sql()) {
                load(c, code, 0, recipients);
                if (warmUp > 0) {
                    load(c, warmCode, WARM_UP_USERS, warmUp);
                }
            }
            String staff = stack.token("staff1");
            String approver = stack.token("approver1");
            if (warmUp > 0) {
                long warmId = createCase(service, staff, warmCode);
                long t = System.nanoTime();
                send(service, approver, "POST", "/admin/cases/" + warmId + "/approve", 200);
                try (Connection c = stack.sql()) {
                    awaitFinished(c, warmId);
                }
                System.out.printf("warm-up case of %,d recipients in %.1f s%n", warmUp, (System.nanoTime() - t) / 1e9);
                Thread.sleep(2000); // let LINE's per-second window pass
            }
            long id = createCase(service, staff, code);
            warmLine(stack);
            BenchStack.printLoad();

            CpuTimes cpuBefore = CpuTimes.now(service.pid());
            long start = System.nanoTime();
            send(service, approver, "POST", "/admin/cases/" + id + "/approve", 200);
            try (Connection c = stack.sql()) {
                awaitFinished(c, id);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.println("CPU from approval to DONE: " + CpuTimes.now(service.pid()).since(cpuBefore));
            BenchStack.printLoad();
            String report = send(service, staff, "GET", "/admin/cases/" + id + "/report", 200);
            System.out.println("report: " + report);
            verify(stack, recipients, seconds);
            try (Connection c = stack.sql()) {
                printRatePerSecond(c, id);
            }
        }
        System.exit(0);
    }

    /** Made-up users of warm-ups, apart from the measured case's (U + 32 hex digits, counted up from 0). */
    private static final long WARM_UP_USERS = 1L << 40;
    private static final int LINE_WARM_UP_REQUESTS = 1000;

    /**
     * LINE's platform is never cold; the simulator in this JVM is. Before the measured case it answers the quota
     * reads and {@value #LINE_WARM_UP_REQUESTS} multicasts of made-up users (429s included), then is reset to a fresh
     * channel: counters, rate buckets and inboxes as if nothing had been sent.
     */
    private static void warmLine(BenchStack stack) throws Exception {
        URI base = stack.line.baseUrl();
        String authorization = "Bearer " + stack.line.config().channelAccessToken();
        StringBuilder to = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            to.append(i == 0 ? "" : ",").append('"').append(String.format("U%032x", WARM_UP_USERS + i)).append('"');
        }
        byte[] body = ("{\"to\":[" + to + "],\"messages\":[{\"type\":\"text\",\"text\":\"warm-up\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        java.util.List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> sent = new java.util.ArrayList<>();
        for (int i = 0; i < LINE_WARM_UP_REQUESTS; i++) {
            sent.add(HTTP.sendAsync(HttpRequest.newBuilder(base.resolve("/v2/bot/message/multicast"))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .header("X-Line-Retry-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding()));
            if (sent.size() == 16) {
                sent.forEach(java.util.concurrent.CompletableFuture::join);
                sent.clear();
            }
            for (String path : i % 20 == 0 ? new String[] {"/v2/bot/message/quota",
                    "/v2/bot/message/quota/consumption"} : new String[0]) {
                HTTP.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", authorization).GET()
                        .build(), HttpResponse.BodyHandlers.discarding());
            }
        }
        sent.forEach(java.util.concurrent.CompletableFuture::join);
        stack.line.reset();
    }

    /** One visit today per resident, user ids sealed and indexed exactly as the service does, by COPY. */
    private static void load(Connection c, String code, long firstUser, int recipients) throws Exception {
        long t = System.nanoTime();
        Keyring keyring = Keyring.parse(LOCAL_VISIT_KEYS, "local-only-1");
        ResidentIndex index = ResidentIndex.parse(LOCAL_INDEX_KEY);
        HexFormat hex = HexFormat.of();
        Instant visitedAt = Instant.now().minusSeconds(600);
        CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY visit (visited_at, visit_id, code, "
                + "resident_key, key_id, user_id, recorded_at) FROM STDIN");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < recipients; i++) {
            String userId = "U" + String.format("%032x", firstUser + i);
            lines.append(visitedAt).append('\t').append(UUID.randomUUID()).append('\t').append(code)
                    .append("\t\\\\x").append(hex.formatHex(index.keyOf(userId))).append("\tlocal-only-1\t\\\\x")
                    .append(hex.formatHex(keyring.seal(userId.getBytes(StandardCharsets.US_ASCII),
                            Purpose.VISIT_USER_ID).bytes()))
                    .append('\t').append(visitedAt).append('\n');
            if (lines.length() > 1 << 20) {
                byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                lines.setLength(0);
            }
        }
        byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        try (Statement s = c.createStatement()) {
            s.execute("INSERT INTO code_state VALUES ('" + code + "', 'ACTIVE', gen_random_uuid(), "
                    + "'ベンチアリーナ', '全館', now())");
            s.execute("VACUUM ANALYZE visit");
        }
        System.out.printf("loaded %,d visits in %.0f s%n", recipients, (System.nanoTime() - t) / 1e9);
    }

    private static long createCase(ServiceProcess service, String token, String code) throws Exception {
        String body = "{\"codes\":[\"" + code + "\"],\"dates\":[\"" + LocalDate.now(IWATE) + "\"],\"note\":\"benchmark\"}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl()
                + "/admin/cases")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher id = ID.matcher(response.body());
        if (response.statusCode() != 201 || !id.find()) {
            throw new IllegalStateException("case not created: " + response.statusCode() + " " + response.body());
        }
        return Long.parseLong(id.group(1));
    }

    private static String send(ServiceProcess service, String token, String method, String path, int expected)
            throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + token).method(method, HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static void awaitFinished(Connection c, long id) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT state FROM exposure_case WHERE id = ?")) {
            s.setLong(1, id);
            long deadline = System.nanoTime() + 600_000_000_000L;
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (!"SENDING".equals(rs.getString(1))) {
                        System.out.println("case ended " + rs.getString(1));
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("case " + id + " still sending after 10 minutes");
    }

    /** Requests per wall-clock second (first attempts), to see the pacing. */
    private static void printRatePerSecond(Connection c, long id) throws Exception {
        StringBuilder line = new StringBuilder("multicasts started per second:");
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM delivery_batch WHERE case_id = ? "
                + "GROUP BY date_trunc('second', first_attempt_at) ORDER BY date_trunc('second', first_attempt_at)")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    line.append(' ').append(rs.getInt(1));
                }
            }
        }
        System.out.println(line);
        try (PreparedStatement s = c.prepareStatement("SELECT seq, round(extract(epoch FROM b.created_at - c.approved_at) "
                + "* 1000), round(extract(epoch FROM b.first_attempt_at - c.approved_at) * 1000) FROM delivery_batch b "
                + "JOIN exposure_case c ON c.id = b.case_id WHERE b.case_id = ? AND seq IN (1, 2, 4, 8, 16, 32, 64, 128, "
                + "200, 400) ORDER BY seq")) {
            s.setLong(1, id);
            StringBuilder early = new StringBuilder("batch seq: committed / first sent, ms after approval:");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    early.append(String.format(" #%d %d/%d", rs.getInt(1), rs.getLong(2), rs.getLong(3)));
                }
            }
            System.out.println(early);
        }
    }

    private static void verify(BenchStack stack, int recipients, double seconds) {
        Map<String, Integer> inboxes = new java.util.HashMap<>(stack.line.inboxCounts());
        inboxes.keySet().removeIf(user -> Long.parseLong(user.substring(1), 16) >= WARM_UP_USERS);
        long reached = inboxes.values().stream().filter(n -> n >= 1).count();
        long duplicated = inboxes.values().stream().filter(n -> n > 1).count();
        EndpointStats multicast = stack.line.stats().of(Endpoint.MULTICAST);
        System.out.printf("fan-out of %,d recipients: %.2f s from approval to DONE (%,.0f recipients/s)%n",
                recipients, seconds, recipients / seconds);
        System.out.printf("residents reached %,d, duplicates %,d, losses %,d%n", reached, duplicated,
                recipients - reached);
        System.out.printf("RESULT | fan-out of %,d recipients at 200 multicasts/s, approval to DONE | %.1f s | ≤ 10.2 s%n",
                recipients, seconds);
        System.out.printf("RESULT | residents reached / duplicated / lost | %,d / %,d / %,d | all / 0 / 0%n", reached,
                duplicated, recipients - reached);
        System.out.printf("multicast requests %,d: accepted %,d, 429 %,d, 409 %,d, 5xx %,d%n", multicast.requests(),
                multicast.accepted(), multicast.rateLimited(), multicast.conflicts(), multicast.serverErrors());
    }
}
