package jp.moshisapo.notification.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import jp.moshisapo.notification.config.LineConfig;
import jp.moshisapo.servers.LoopbackEndpoint;
import org.junit.jupiter.api.Test;

class LineQuotaClientTest {

    private static final int READINGS = 100;

    /**
     * Every preview and approval reads the quota (two requests). The JDK client's sendAsync would complete each answer
     * on CompletableFuture's default async pool, a new thread per answer on two cores or fewer; the client must reuse
     * its own two threads instead.
     */
    @Test
    void readingTheQuotaAgainAndAgainDoesNotStartAThreadPerAnswer() {
        // one answer for both paths: the plan (type) and this month's consumption (totalUsage)
        try (LoopbackEndpoint line = LoopbackEndpoint.start("/v2/bot/message/quota", 2,
                "{\"type\":\"none\",\"totalUsage\":1234}")) {
            LineQuotaClient client = new LineQuotaClient(new LineConfig() {
                @Override
                public String apiBaseUrl() {
                    return line.baseUrl() + "/";
                }

                @Override
                public String channelAccessToken() {
                    return "test-token";
                }
            });
            // the first reading starts what the client keeps (its two threads, the JDK client's selector and
            // workers); what is measured is whether each answer after it starts more
            assertEquals(MessageQuota.unlimited(1234), client.read(), "first reading");
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long startedBefore = threads.getTotalStartedThreadCount();

            for (int i = 0; i < READINGS; i++) {
                assertEquals(MessageQuota.unlimited(1234), client.read(), "reading " + i);
            }

            long started = threads.getTotalStartedThreadCount() - startedBefore;
            assertTrue(started < 10, started + " threads started for " + READINGS + " quota readings");
        }
    }
}
