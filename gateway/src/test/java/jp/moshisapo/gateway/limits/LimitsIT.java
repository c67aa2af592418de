package jp.moshisapo.gateway.limits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import jp.moshisapo.gateway.testing.GatewayClient;
import jp.moshisapo.gateway.testing.InjectUpstreams;
import jp.moshisapo.gateway.testing.Upstreams;
import jp.moshisapo.gateway.testing.UpstreamsTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate limits, body limits and the webhook source allow-list, with the limits of the shipped configuration. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class LimitsIT {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] FORM = "{\"name\":\"岩手食堂\"}".getBytes(StandardCharsets.UTF_8);

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

    @Test
    void venueRegistrationAllowsTenAMinutePerAddressThen429WithRetryAfter() throws URISyntaxException {
        int allowed = 0;
        HttpResponse<String> response;
        do {
            response = client.post("/api/facilities", FORM, "Content-Type", "application/json");
            if (response.statusCode() == 200) {
                allowed++;
            }
        } while (response.statusCode() == 200 && allowed < 50);

        assertEquals(429, response.statusCode());
        assertTrue(allowed >= 10 && allowed <= 11, "allowed " + allowed); // one token refills every 6 s
        int retryAfter = Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 6, "Retry-After " + retryAfter);
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"status\":429"), response.body());
        assertTrue(response.body().contains("秒ほど待ってから"), response.body());
        assertEquals(allowed, upstreams.facility().received().size(), "refused requests reach no service");

        // other routes and other venues are not affected
        assertEquals(200, client.get("/c/ABCD-EFGH-J").statusCode());
        GatewayClient otherVenue = GatewayClient.anyClient(gatewayUrl.toURI());
        assertEquals(200, otherVenue.post("/api/facilities", FORM, "Content-Type", "application/json").statusCode());
    }

    @Test
    void trailingSlashDoesNotEscapeTheRegistrationLimit() {
        for (int i = 0; i < 10; i++) {
            client.post("/api/facilities", FORM, "Content-Type", "application/json");
        }

        assertEquals(429, client.post("/api/facilities/", FORM, "Content-Type", "application/json").statusCode());
    }

    @Test
    void spoofedEntriesLeftOfTheClientDoNotEscapeTheRegistrationLimit() {
        String client = this.client.clientAddress();
        int allowed = 0;
        for (int i = 0; i < 15; i++) {
            HttpResponse<String> response = this.client.send(this.client.request("/api/facilities")
                    .setHeader("X-Forwarded-For", randomAddress() + ", " + client)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(FORM)).build());
            allowed += response.statusCode() == 200 ? 1 : 0;
        }

        assertTrue(allowed >= 10 && allowed <= 11, "allowed " + allowed);
        assertEquals(client, upstreams.facility().received().get(0).header("X-Forwarded-For"),
                "services are told the client the gateway believed");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnoredSoChangingItDoesNotEscapeTheRegistrationLimit() throws IOException {
        // a second loopback address: a direct client, not the test's trusted balancer at 127.0.0.1
        InetAddress peer = InetAddress.getByAddress(new byte[] {127, 1, (byte) RANDOM.nextInt(256),
                (byte) (1 + RANDOM.nextInt(254))});
        int allowed = 0;
        String lastStatus = "";
        for (int i = 0; i < 15; i++) {
            lastStatus = postFrom(peer, "/api/facilities", randomAddress());
            allowed += lastStatus.startsWith("HTTP/1.1 200") ? 1 : 0;
        }

        assertTrue(allowed >= 10 && allowed <= 11, "allowed " + allowed);
        assertTrue(lastStatus.startsWith("HTTP/1.1 429"), lastStatus);
        assertEquals(peer.getHostAddress(), upstreams.facility().received().get(0).header("X-Forwarded-For"));
    }

    @Test
    void lineWebhookIsNeverRateLimited() {
        for (int i = 0; i < 150; i++) {
            HttpResponse<String> response = client.post("/line/webhook", "{\"events\":[]}".getBytes(
                    StandardCharsets.UTF_8), "Content-Type", "application/json");
            assertEquals(200, response.statusCode(), "request " + i);
        }
        assertEquals(150, upstreams.checkin().received().size());
    }

    @Test
    void lineWebhookFromOutsideTheAllowedSourcesIs403AndReachesNoService() throws URISyntaxException {
        GatewayClient stranger = new GatewayClient(gatewayUrl.toURI(), "198.51.100.7");

        HttpResponse<String> response = stranger.post("/line/webhook", "{\"events\":[]}".getBytes(
                StandardCharsets.UTF_8), "Content-Type", "application/json");

        assertEquals(403, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(upstreams.checkin().received().isEmpty());
        // the allow-list applies to the webhook only
        assertEquals(200, stranger.get("/c/ABCD-EFGH-J").statusCode());
    }

    @Test
    void registrationOverSixtyFourKilobytesIs413AndReachesNoService() {
        byte[] body = new byte[64 * 1024 + 1];
        Arrays.fill(body, (byte) 'a');

        HttpResponse<String> response = client.post("/api/facilities", body, "Content-Type", "application/json");

        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("64 KB"), response.body());
        assertTrue(upstreams.facility().received().isEmpty());
    }

    @Test
    void webhookOfExactlyOneMegabyteArrivesWholeAndOneByteMoreIs413() {
        byte[] body = new byte[1024 * 1024];
        Arrays.fill(body, (byte) ' ');

        assertEquals(200, client.post("/line/webhook", body, "Content-Type", "application/json").statusCode());
        assertArrayEquals(body, upstreams.checkin().received().get(0).body());

        HttpResponse<String> tooLarge = client.post("/line/webhook", Arrays.copyOf(body, body.length + 1),
                "Content-Type", "application/json");
        assertEquals(413, tooLarge.statusCode());
        assertTrue(tooLarge.body().contains("1 MB"), tooLarge.body());
        assertEquals(1, upstreams.checkin().received().size());
    }

    @Test
    void staffBodyOverTwoHundredFiftySixKilobytesIs413BeforeTheTokenIsEvenChecked() {
        HttpResponse<String> response = client.post("/admin/cases", new byte[256 * 1024 + 1],
                "Content-Type", "application/json");

        assertEquals(413, response.statusCode());
        assertTrue(upstreams.notification().received().isEmpty());
    }

    @Test
    void chunkedBodyOverTheLimitIs413AndTheServiceNeverGetsAWholeBody() throws IOException {
        String requestId = UUID.randomUUID().toString();
        int port = gatewayUrl.getPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/facilities HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + "X-Forwarded-For: " + client.clientAddress() + "\r\nX-Request-Id: " + requestId + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[8 * 1024];
            Arrays.fill(chunk, (byte) 'a');
            for (int i = 0; i < 9; i++) { // 72 KB, no end: a client that just keeps sending
                out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(chunk);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();

            String response = readResponse(socket.getInputStream());

            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.contains("application/problem+json"), response);
        }
        upstreams.facility().receivedWithRequestId(requestId)
                .ifPresent(seen -> assertTrue(!seen.complete(), "the service got a cut-off body at most"));
    }

    /** One registration over a connection from {@code peer}; the status line of the answer. */
    private String postFrom(InetAddress peer, String path, String forwardedFor) throws IOException {
        int port = gatewayUrl.getPort();
        try (Socket socket = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port, peer, 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + FORM.length + "\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(FORM);
            socket.getOutputStream().flush();
            return readResponse(socket.getInputStream()).lines().findFirst().orElse("");
        }
    }

    private static String randomAddress() {
        return "203.0." + RANDOM.nextInt(256) + "." + (1 + RANDOM.nextInt(254));
    }

    /** Reads until the connection closes: the gateway must close it after refusing a body it did not read. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        in.transferTo(response);
        return response.toString(StandardCharsets.UTF_8);
    }
}
