package jp.moshisapo.checkin.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jp.moshisapo.servers.LoopbackEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A batch's replies go out in bursts of dozens. Each burst must find the connections of the last one: a pool that
 * keeps fewer than a burst opens new ones every time, and against api.line.me each is a TLS handshake.
 */
class ReplyConnectionsTest {

    private static final int BURST = 48;
    private static final int BURSTS = 10;

    private LoopbackEndpoint line;
    private Vertx vertx;

    @BeforeEach
    void start() {
        line = LoopbackEndpoint.start("/v2/bot/message/reply", BURST);
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        line.close();
    }

    @Test
    void burstAfterBurstOfRepliesReusesTheConnectionsOfTheFirst() throws Exception {
        HttpClient client = ReplySender.client(vertx);
        String url = line.uri().toString();
        int answered = 0;
        for (int burst = 0; burst < BURSTS; burst++) {
            List<Future<Integer>> replies = new ArrayList<>();
            for (int i = 0; i < BURST; i++) {
                replies.add(post(client, url));
            }
            for (Future<Integer> reply : replies) {
                int status = reply.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                answered += status == 200 ? 1 : 0;
            }
        }

        assertEquals(BURST * BURSTS, answered);
        int connections = line.clientPorts().size();
        assertTrue(connections <= ReplySender.MAX_IN_FLIGHT,
                connections + " connections opened for " + BURSTS + " bursts of " + BURST + " replies");
    }

    private static Future<Integer> post(HttpClient client, String url) {
        return ReplySender.statusOf(client, new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(url),
                Buffer.buffer("{}"));
    }
}
