package jp.moshisapo.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.moshisapo.gateway.testing.GatewayClient;
import jp.moshisapo.gateway.testing.InjectUpstreams;
import jp.moshisapo.gateway.testing.Upstreams;
import jp.moshisapo.gateway.testing.UpstreamsTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each event loop keeps its own upstream connections, but UPSTREAM_MAX_CONNECTIONS stays what an operator sizes a
 * service's connection limit by: the most a gateway pod opens to one service, however many event loops it has.
 */
@QuarkusTest
@TestProfile(UpstreamConnectionsIT.FourConnectionsTwoEventLoops.class)
@WithTestResource(UpstreamsTestResource.class)
class UpstreamConnectionsIT {

    private static final int MAX_CONNECTIONS = 4;
    private static final int CONCURRENT_REQUESTS = 12;

    /** Two event loops, so that without the share each would open the whole maximum. */
    public static final class FourConnectionsTwoEventLoops implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("moshisapo.gateway.upstream.max-connections", Integer.toString(MAX_CONNECTIONS),
                    "quarkus.vertx.event-loops-pool-size", "2");
        }
    }

    @TestHTTPResource("/")
    URL gatewayUrl;

    @InjectUpstreams
    Upstreams upstreams;

    @AfterEach
    void resetServices() {
        upstreams.reset();
    }

    @Test
    void manyClientsAtOnceShareTheServicesConnectionLimit() throws Exception {
        Set<Integer> upstreamConnections = ConcurrentHashMap.newKeySet();
        upstreams.facility().answer("/c/ABCD-EFGH-J", (exchange, received) -> {
            upstreamConnections.add(exchange.getRemoteAddress().getPort());
            try {
                Thread.sleep(150); // a slow service: the requests pile up on the connections the gateway may open
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
        });
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENT_REQUESTS);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < CONCURRENT_REQUESTS; i++) {
                GatewayClient client = GatewayClient.anyClient(gatewayUrl.toURI());
                statuses.add(clients.submit(() -> client.get("/c/ABCD-EFGH-J").statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertEquals(200, status.get(), "every client answered");
            }
        } finally {
            clients.shutdownNow();
        }

        assertTrue(upstreamConnections.size() <= MAX_CONNECTIONS,
                upstreamConnections.size() + " connections to facility-service, at most " + MAX_CONNECTIONS);
    }
}
