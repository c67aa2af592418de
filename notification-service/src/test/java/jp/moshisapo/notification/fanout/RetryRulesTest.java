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
    }

    @Test
    void theMonthlyLimitAndARefusedTokenPauseInsteadOfRetryingOrFailing() {
        SendResult monthly = new SendResult(429, "You have reached your monthly limit.", null);
        assertEquals(SendResult.Verdict.PAUSE, monthly.verdict());
        assertEquals(SendResult.PauseCause.MONTHLY_LIMIT, monthly.pauseCause());
        assertEquals(SendResult.Verdict.RETRY,
                new SendResult(429, "The API rate limit has been exceeded. Try again later.", null).verdict());
        SendResult revoked = new SendResult(401, "Authentication failed. Confirm that the access token in the "
                + "authorization header is valid.", null);
        assertEquals(SendResult.Verdict.PAUSE, revoked.verdict());
        assertEquals(SendResult.PauseCause.CHANNEL_AUTH, revoked.pauseCause());
        assertEquals(SendResult.Verdict.PAUSE, new SendResult(403, "", null).verdict());
        assertTrue(new SendResult(0, "HttpTimeoutException", null).mayHaveArrived());
        assertTrue(!new SendResult(429, "You have reached your monthly limit.", null).mayHaveArrived(),
                "LINE processes nothing of a 429");
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
