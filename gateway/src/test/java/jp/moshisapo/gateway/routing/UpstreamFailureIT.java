package jp.moshisapo.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jp.moshisapo.gateway.testing.GatewayClient;
import jp.moshisapo.gateway.testing.InjectUpstreams;
import jp.moshisapo.gateway.testing.Upstreams;
import jp.moshisapo.gateway.testing.UpstreamsTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A service that is down or stalls costs the client a clear answer within the timeout, never the gateway. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class UpstreamFailureIT {

    @TestHTTPResource("/")
    URL gatewayUrl;

    @InjectUpstreams
    Upstreams upstreams;

    private GatewayClient client;
    private final CountDownLatch releaseStalled = new CountDownLatch(1);

    @BeforeEach
    void newClient() throws URISyntaxException {
        client = GatewayClient.anyClient(gatewayUrl.toURI());
    }

    @AfterEach
    void resetServices() {
        releaseStalled.countDown();
        upstreams.reset();
    }

    @Test
    void stoppedServiceIs502ProblemAndTheOtherServicesStillAnswer() {
        assertEquals(200, client.post("/line/webhook", "{}".getBytes(), "Content-Type", "application/json")
                .statusCode());
        upstreams.checkin().stop();
        try {
            HttpResponse<String> response = client.post("/line/webhook", "{}".getBytes(),
                    "Content-Type", "application/json");

            assertEquals(502, response.statusCode());
            assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(response.body().contains("ただいま処理できません"), response.body());
            assertEquals(200, client.get("/c/ABCD-EFGH-J").statusCode());
        } finally {
            upstreams.checkin().restart();
        }
        assertEquals(200, client.post("/line/webhook", "{}".getBytes(), "Content-Type", "application/json")
                .statusCode(), "a restarted service is used again");
    }

    @Test
    void stalledServiceIs504ProblemWithinTheTimeoutAndTheGatewayStaysUp() {
        upstreams.facility().answer("/api/facilities/1", (exchange, received) -> {
            try {
                releaseStalled.await(30, TimeUnit.SECONDS); // a service that never answers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        long start = System.nanoTime();
        HttpResponse<String> response = client.get("/api/facilities/1");
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertEquals(504, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("応答がありません"), response.body());
        assertTrue(waited.compareTo(Duration.ofMillis(900)) >= 0 && waited.compareTo(Duration.ofSeconds(5)) < 0,
                "answered after the 1 s test timeout, took " + waited.toMillis() + " ms");
        assertEquals(200, client.get("/").statusCode());
    }
}
