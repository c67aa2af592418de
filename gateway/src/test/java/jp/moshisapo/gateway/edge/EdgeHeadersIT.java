package jp.moshisapo.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.moshisapo.gateway.testing.AccessLogCapture;
import jp.moshisapo.gateway.testing.GatewayClient;
import jp.moshisapo.gateway.testing.InjectUpstreams;
import jp.moshisapo.gateway.testing.StubService;
import jp.moshisapo.gateway.testing.Upstreams;
import jp.moshisapo.gateway.testing.UpstreamsTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.SharedServers;
import jp.moshisapo.servers.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every response carries (security headers, request id) and what the access log keeps and leaves out. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class EdgeHeadersIT {

    private static final Pattern GENERATED_ID = Pattern.compile("[0-9a-f]{32}");

    @TestHTTPResource("/")
    URL gatewayUrl;

    @TestHTTPResource(value = "/metrics", management = true) // under the management root, /q
    URL metricsUrl;

    @InjectUpstreams
    Upstreams upstreams;

    private GatewayClient client;
    private AccessLogCapture accessLog;

    @BeforeEach
    void setUp() throws URISyntaxException {
        client = GatewayClient.anyClient(gatewayUrl.toURI());
        accessLog = AccessLogCapture.attach("moshisapo.access");
    }

    @AfterEach
    void tearDown() {
        accessLog.close();
        upstreams.reset();
    }

    @Test
    void everyKindOfResponseCarriesTheSecurityHeaders() {
        upstreams.checkin().stop();
        try {
            List<HttpResponse<String>> responses = List.of(
                    client.get("/"),                                          // proxied
                    client.get("/no-such-page"),                              // 404 by the gateway
                    client.get("/admin/cases"),                               // 401 by the login check
                    client.post("/line/webhook", "{}".getBytes(), "Content-Type", "application/json")); // 502
            for (HttpResponse<String> response : responses) {
                HttpHeaders headers = response.headers();
                String csp = headers.firstValue("Content-Security-Policy").orElseThrow();
                assertTrue(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"), csp);
                assertTrue(csp.contains("frame-ancestors 'none'"), csp);
                assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
                assertEquals("DENY", headers.firstValue("X-Frame-Options").orElseThrow());
                assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElseThrow());
                // local http: no HSTS unless configured for an https address
                assertTrue(headers.firstValue("Strict-Transport-Security").isEmpty());
                assertTrue(headers.firstValue("Access-Control-Allow-Origin").isEmpty());
            }
        } finally {
            upstreams.checkin().restart();
        }
    }

    @Test
    void corsStaysClosedEvenWhenAServiceWouldOpenIt() {
        upstreams.facility().answer("/api/facilities/1", (exchange, received) -> {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().set("Access-Control-Allow-Credentials", "true");
            exchange.sendResponseHeaders(204, -1);
        });

        HttpResponse<String> response = client.get("/api/facilities/1", "Origin", "https://evil.example");

        assertEquals(204, response.statusCode());
        assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        assertTrue(response.headers().firstValue("Access-Control-Allow-Credentials").isEmpty());
    }

    @Test
    void servicePageKeepsItsOwnContentSecurityPolicyWithScriptHashes() {
        String ownPolicy = "default-src 'self'; script-src 'sha256-abc='; frame-ancestors 'none'";
        upstreams.facility().answer("/terms", (exchange, received) -> {
            exchange.getResponseHeaders().set("Content-Security-Policy", ownPolicy);
            exchange.sendResponseHeaders(204, -1);
        });

        HttpResponse<String> response = client.get("/terms");

        assertEquals(ownPolicy, response.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElseThrow());
    }

    @Test
    void saneIncomingRequestIdIsKeptPassedToTheServiceAndReturned() {
        HttpResponse<String> response = client.get("/c/ABCD-EFGH-J", "X-Request-Id", "line-redelivery.0042");

        assertEquals("line-redelivery.0042", response.headers().firstValue("X-Request-Id").orElseThrow());
        assertEquals("line-redelivery.0042", upstreams.facility().received().get(0).requestId());
    }

    @Test
    void missingOrInsaneRequestIdIsReplacedByAGeneratedOne() {
        for (Optional<String> incoming : List.of(Optional.<String>empty(), Optional.of("short"),
                Optional.of("has spaces and \"quotes\""), Optional.of("x".repeat(65)))) {
            upstreams.reset();
            HttpResponse<String> response = incoming
                    .map(id -> client.get("/c/ABCD-EFGH-J", "X-Request-Id", id))
                    .orElseGet(() -> client.get("/c/ABCD-EFGH-J"));

            String returned = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertTrue(GENERATED_ID.matcher(returned).matches(), returned);
            StubService.Received received = upstreams.facility().received().get(0);
            assertEquals(returned, received.requestId());
            assertEquals(1, received.headers().entrySet().stream()
                    .filter(h -> h.getKey().equalsIgnoreCase("X-Request-Id"))
                    .mapToInt(h -> h.getValue().size()).sum(), "exactly one id reaches the service");
        }
    }

    @Test
    void requestIdIsReturnedOnResponsesTheGatewayWritesItself() {
        HttpResponse<String> notFound = client.get("/nothing-here", "X-Request-Id", "support-ticket-4711");
        HttpResponse<String> unauthorized = client.get("/admin/audit", "X-Request-Id", "support-ticket-4712");

        assertEquals("support-ticket-4711", notFound.headers().firstValue("X-Request-Id").orElseThrow());
        assertTrue(notFound.body().contains("\"requestId\":\"support-ticket-4711\""), notFound.body());
        assertEquals("support-ticket-4712", unauthorized.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void accessLogIsOneJsonLinePerRequestWithTheRequestIdAndNoSecrets() {
        String token = SharedServers.keycloak().accessToken("staff1", "staff1");
        String lineUserId = "U4af4980629a1b2c3d4e5f60718293a4b";
        client.get("/admin/cases?token=query-secret-123", "X-Request-Id", "access-log-check-1",
                "Authorization", "Bearer " + token);
        client.post("/line/webhook", ("{\"events\":[{\"source\":{\"userId\":\"" + lineUserId + "\"}}]}")
                .getBytes(StandardCharsets.UTF_8), "X-Request-Id", "access-log-check-2",
                "X-Line-Signature", "c2lnbmF0dXJl", "Content-Type", "application/json");

        Wait.until("both access log lines", Duration.ofSeconds(10), () -> lineFor("access-log-check-2").isPresent()
                && lineFor("access-log-check-1").isPresent());

        AccessLogCapture.Line staff = lineFor("access-log-check-1").orElseThrow();
        assertTrue(staff.message().startsWith("{") && staff.message().endsWith("}"), staff.message());
        assertTrue(staff.message().contains("\"method\":\"GET\""), staff.message());
        assertTrue(staff.message().contains("\"path\":\"/admin/cases\""), staff.message());
        assertTrue(staff.message().contains("\"status\":200"), staff.message());
        assertTrue(staff.message().contains("\"upstream\":\"notification-service\""), staff.message());
        assertTrue(staff.message().contains("\"durationMs\":"), staff.message());
        assertEquals("access-log-check-1", staff.mdcRequestId());
        AccessLogCapture.Line webhook = lineFor("access-log-check-2").orElseThrow();
        assertTrue(webhook.message().contains("\"route\":\"line-webhook\""), webhook.message());
        for (AccessLogCapture.Line line : accessLog.lines()) {
            assertFalse(line.message().contains(token.substring(token.length() - 20)), "no token: " + line);
            assertFalse(line.message().contains("query-secret-123"), "no query: " + line);
            assertFalse(line.message().contains(lineUserId), "no LINE user id: " + line);
            assertFalse(line.message().contains("c2lnbmF0dXJl"), "no signature: " + line);
        }
    }

    @Test
    void requestMetricsNameTheRouteNeverTheCodeInThePath() throws URISyntaxException {
        client.get("/c/MTRC-CODE-1");
        client.get("/api/codes/MTRC-CODE-1/qr.png");

        String requests = new GatewayClient(metricsUrl.toURI(), "127.0.0.1").get("").body().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count"))
                .collect(Collectors.joining("\n"));

        assertTrue(requests.contains("uri=\"/c/*\""), requests);
        assertTrue(requests.contains("uri=\"/api/codes/*\""), requests);
        assertFalse(requests.contains("MTRC-CODE-1"), requests);
    }

    private Optional<AccessLogCapture.Line> lineFor(String requestId) {
        return accessLog.lines().stream()
                .filter(line -> line.message().contains("\"requestId\":\"" + requestId + "\""))
                .findFirst();
    }
}
