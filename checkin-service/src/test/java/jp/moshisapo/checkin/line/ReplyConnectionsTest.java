package jp.moshisapo.checkin.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import jp.moshisapo.servers.LoopbackEndpoint;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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

    @BeforeEach
    void startLine() {
        line = LoopbackEndpoint.start("/v2/bot/message/reply", BURST);
    }

    @AfterEach
    void stopLine() {
        line.close();
    }

    @Test
    void burstAfterBurstOfRepliesReusesTheConnectionsOfTheFirst() {
        OkHttpClient client = ReplySender.client();
        try {
            String url = line.uri().toString();
            int answered = 0;
            for (int burst = 0; burst < BURSTS; burst++) {
                List<CompletableFuture<Integer>> replies = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    replies.add(post(client, url));
                }
                for (CompletableFuture<Integer> reply : replies) {
                    answered += reply.join() == 200 ? 1 : 0;
                }
            }

            assertEquals(BURST * BURSTS, answered);
            int connections = line.clientPorts().size();
            assertTrue(connections <= ReplySender.MAX_IN_FLIGHT,
                    connections + " connections opened for " + BURSTS + " bursts of " + BURST + " replies");
        } finally {
            ReplySender.release(client);
        }
    }

    private static CompletableFuture<Integer> post(OkHttpClient client, String url) {
        CompletableFuture<Integer> status = new CompletableFuture<>();
        Request request = new Request.Builder().url(url)
                .post(RequestBody.create("{}".getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
                .build();
        client.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException e) {
                status.completeExceptionally(e);
            }

            @Override
            public void onResponse(Call call, Response response) throws IOException {
                try (response) {
                    response.body().bytes();
                    status.complete(response.code());
                }
            }
        });
        return status;
    }
}
