package jp.moshisapo.notification.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RetryRulesTest {

    @Test
    void statusesMapToDeliveredRetryOrFailed() {
        assertEquals(SendResult.Verdict.DELIVERED, new SendResult(200, null, null).verdict());
        assertEquals(SendResult.Verdict.DELIVERED, new SendResult(409, "accepted", null).verdict());
        assertEquals(SendResult.Verdict.RETRY, new SendResult(429, "", null).verdict());
        assertEquals(SendResult.Verdict.RETRY, new SendResult(503, "", null).verdict());
        assertEquals(SendResult.Verdict.RETRY, new SendResult(0, "HttpTimeoutException", null).verdict());
        assertEquals(SendResult.Verdict.FAILED, new SendResult(400, "bad", null).verdict());
        assertEquals(SendResult.Verdict.FAILED, new SendResult(401, "token", null).verdict());
    }

    @Test
    void backoffGrowsUpToItsCeilingAndHonoursRetryAfter() {
        Backoff backoff = new Backoff(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(60));
        assertTrue(backoff.after(1, null).toMillis() <= 1000);
        assertTrue(backoff.after(30, null).toMillis() <= 60_000);
        assertTrue(backoff.after(30, null).toMillis() >= 30_000);
        assertEquals(120_000, backoff.after(1, java.time.Duration.ofSeconds(120)).toMillis());
    }
}
