package jp.moshisapo.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import jp.moshisapo.gateway.testing.GatewayClient;
import jp.moshisapo.gateway.testing.InjectUpstreams;
import jp.moshisapo.gateway.testing.StubService;
import jp.moshisapo.gateway.testing.Upstreams;
import jp.moshisapo.gateway.testing.UpstreamsTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class RoutingIT {

    private static final String CHANNEL_SECRET = "moshisapo-local-channel-secret";

    @TestHTTPResource("/")
    URL gatewayUrl;

    @InjectUpstreams
    Upstreams upstreams;

    private GatewayClient client;

    @BeforeEach
    void newClient() throws URISyntaxException {
        client = GatewayClient.anyClient(gatewayUrl.toURI());
    }

    @AfterEach
    void resetServices() {
        upstreams.reset();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "GET,  /,                                   facility",
            "GET,  /assets/form.css,                    facility",
            "GET,  /terms,                              facility",
            "GET,  /manage,                             facility",
            "GET,  /favicon.ico,                        facility",
            "POST, /api/facilities,                     facility",
            "GET,  /api/facilities/42,                  facility",
            "GET,  /api/codes/ABCD-EFGH-J/qr.png,       facility",
            "GET,  /api/codes/ABCD-EFGH-J/poster.pdf,   facility",
            "GET,  /c/ABCD-EFGH-J,                      facility",
            "POST, /line/webhook,                       checkin"})
    void everyPublicRouteReachesItsService(String method, String path, String service) {
        HttpResponse<String> response = client.send(client.request(path)
                .method(method, java.net.http.HttpRequest.BodyPublishers.ofString(method.equals("POST") ? "{}" : ""))
                .build());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"service\":\"" + service + "\",\"method\":\"" + method + "\"}", response.body());
        StubService.Received received = stub(service).received().get(0);
        assertEquals(path, received.uri());
        assertEquals(method, received.method());
    }

    @Test
    void queryStringReachesTheServiceUnchanged() {
        client.get("/c/ABCD-EFGH-J?lang=en&x=%E3%81%82");

        assertEquals("/c/ABCD-EFGH-J?lang=en&x=%E3%81%82", upstreams.facility().received().get(0).uri());
    }

    @Test
    void unknownPathsAreNotFoundProblemsAndReachNoService() {
        for (String path : new String[] {"/q/health", "/q/metrics", "/admin", "/admin/users", "/line",
                "/line/webhook/extra", "/C/ABCD-EFGH-J", "/console-x"}) {
            HttpResponse<String> response = client.get(path);

            assertEquals(404, response.statusCode(), path);
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("\"status\":404"), response.body());
            assertTrue(response.body().contains("お探しのページまたはデータは見つかりませんでした"), response.body());
            assertTrue(response.body().contains("\"errors\":[]"), response.body());
        }
        assertTrue(upstreams.facility().received().isEmpty());
        assertTrue(upstreams.checkin().received().isEmpty());
        assertTrue(upstreams.notification().received().isEmpty());
    }

    @Test
    void dotSegmentsAreResolvedBeforeRoutingSoTheyCannotDodgeTheStaffLogin() {
        HttpResponse<String> response = client.get("/api/../admin/cases");

        assertEquals(401, response.statusCode(), response.body());
        assertTrue(upstreams.notification().received().isEmpty());
    }

    @Test
    void theServiceReceivesTheCanonicalPathNotTheRawOne() {
        client.get("/c/./x/../ABCD-EFGH-J");

        assertEquals("/c/ABCD-EFGH-J", upstreams.facility().received().get(0).uri());
    }

    @Test
    void pathsAServiceCouldReadDifferentlyAreRefused() {
        for (String path : new String[] {"/api/facilities;jsessionid=1", "/api%2Ffacilities", "/c/A%5CB"}) {
            HttpResponse<String> response = client.get(path);

            assertEquals(400, response.statusCode(), path);
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        }
        assertTrue(upstreams.facility().received().isEmpty());
    }

    @Test
    void consoleIsServedByTheGatewayItselfAndReachesNoService() {
        HttpResponse<String> page = client.get("/console/");
        HttpResponse<String> missing = client.get("/console/no-such-file.js");

        assertEquals(200, page.statusCode());
        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(upstreams.facility().received().isEmpty());
    }

    @Test
    void webhookBodyArrivesByteForByteAndItsSignatureStillVerifies() throws GeneralSecurityException {
        // odd spacing, CRLF, escaped and raw Japanese: any re-encoding on the way would break the signature
        byte[] body = ("{\"destination\":\"Uxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\" ,\r\n \"events\":[{\"type\":\"message\","
                + "\"message\":{\"type\":\"text\",\"text\":\"チェックイン ABCD-EFGH-J \\u3042\"}}]}  \n")
                .getBytes(StandardCharsets.UTF_8);
        String signature = sign(body);

        HttpResponse<String> response = client.post("/line/webhook", body,
                "Content-Type", "application/json; charset=UTF-8", "X-Line-Signature", signature);

        assertEquals(200, response.statusCode());
        StubService.Received received = upstreams.checkin().received().get(0);
        assertArrayEquals(body, received.body());
        assertEquals(signature, received.header("X-Line-Signature"));
        assertEquals(signature, sign(received.body()), "the signature must verify over the bytes the service got");
    }

    @Test
    void posterPdfIsStreamedWhileTheServiceIsStillWritingIt() throws IOException, InterruptedException {
        byte[] head = ("%PDF-1.7\n" + "x".repeat(64 * 1024)).getBytes(StandardCharsets.US_ASCII);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        CountDownLatch clientHasHead = new CountDownLatch(1);
        upstreams.facility().answer("/api/codes/ABCD-EFGH-J/poster.pdf", (exchange, received) ->
                streamInTwoParts(exchange, head, tail, clientHasHead));

        HttpResponse<InputStream> response = client.stream(client.request("/api/codes/ABCD-EFGH-J/poster.pdf")
                .GET().build());
        try (InputStream pdf = response.body()) {
            // the service holds back the tail until the client has the head: a buffering gateway never delivers it
            byte[] first = pdf.readNBytes(head.length);
            assertArrayEquals(head, first);
            clientHasHead.countDown();
            assertArrayEquals(tail, pdf.readAllBytes());
        }
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElseThrow());
    }

    private static void streamInTwoParts(HttpExchange exchange, byte[] head, byte[] tail, CountDownLatch go)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/pdf");
        exchange.sendResponseHeaders(200, 0); // chunked: length unknown, like a PDF rendered on the fly
        OutputStream out = exchange.getResponseBody();
        out.write(head);
        out.flush();
        try {
            if (!go.await(10, TimeUnit.SECONDS)) {
                return; // never finish: a gateway that waited for the whole body gets a broken one
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        out.write(tail);
        out.close();
    }

    private StubService stub(String name) {
        return switch (name) {
            case "facility" -> upstreams.facility();
            case "checkin" -> upstreams.checkin();
            default -> upstreams.notification();
        };
    }

    private static String sign(byte[] body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(CHANNEL_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(body));
    }
}
