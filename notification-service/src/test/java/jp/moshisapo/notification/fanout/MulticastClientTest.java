package jp.moshisapo.notification.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import jp.moshisapo.notification.config.FanoutConfig;
import jp.moshisapo.notification.config.LineConfig;
import jp.moshisapo.notification.config.NoticeConfig;
import jp.moshisapo.notification.notice.NoticeMessages;
import jp.moshisapo.servers.LoopbackEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MulticastClientTest {

    private static final int IN_FLIGHT = 8;
    private static final int REQUESTS = 400;

    private LoopbackEndpoint line;

    @BeforeEach
    void startLine() {
        line = LoopbackEndpoint.start("/v2/bot/message/multicast", 4);
    }

    @AfterEach
    void stopLine() {
        line.close();
    }

    /**
     * A large case is thousands of requests. The JDK client's sendAsync completes each answer on CompletableFuture's
     * default async pool, which on two cores or fewer (this build machine, a pod with such a CPU limit) is a new
     * thread per answer; the client must reuse its threads instead.
     */
    @Test
    void thousandsOfMulticastsDoNotStartAThreadEach() {
        MulticastClient client = new MulticastClient(
                config(LineConfig.class, Map.of("apiBaseUrl", line.baseUrl(),
                        "channelAccessToken", "test-token")),
                config(FanoutConfig.class, Map.of("maxInFlight", IN_FLIGHT, "requestTimeout", Duration.ofSeconds(10))),
                new NoticeMessages(config(NoticeConfig.class, Map.of("consultationCenterPhone", "019-651-3175",
                        "pageUrl", URI.create("https://www.pref.iwate.jp/")))));
        byte[] body = client.body(("U" + "0".repeat(32)).getBytes(StandardCharsets.US_ASCII), "テスト");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long startedBefore = threads.getTotalStartedThreadCount();
        try {
            List<Integer> statuses = new ArrayList<>();
            for (int sent = 0; sent < REQUESTS; sent += IN_FLIGHT) {
                List<CompletableFuture<SendResult>> inFlight = new ArrayList<>();
                for (int i = 0; i < IN_FLIGHT; i++) {
                    inFlight.add(client.send(UUID.randomUUID(), body));
                }
                inFlight.forEach(answer -> statuses.add(answer.join().status()));
            }

            assertEquals(REQUESTS, statuses.stream().filter(status -> status == 200).count(), "every request answered");
            long started = threads.getTotalStartedThreadCount() - startedBefore;
            assertTrue(started < 4 * IN_FLIGHT, started + " threads started for " + REQUESTS + " requests");
        } finally {
            client.close();
        }
    }

    /** A typed configuration with just the values this test needs; anything else asked for is a test bug. */
    private static <T> T config(Class<T> type, Map<String, Object> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + method.getName());
            }
            return values.get(method.getName());
        }));
    }
}
