package jp.moshisapo.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import jp.moshisapo.gateway.route.RateLimit;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final RateLimit tenPerMinute = new RateLimit(10, Duration.ofMinutes(1));
    private final RateLimiter limiter = new RateLimiter(Duration.ofMinutes(1), 1000);

    @Test
    void burstUpToCapacityThenRefusalWithTheWaitForTheNextToken() {
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.tryAcquire("registration", "192.0.2.1", tenPerMinute).allowed(), "request " + i);
        }
        RateLimiter.Decision refused = limiter.tryAcquire("registration", "192.0.2.1", tenPerMinute);

        assertFalse(refused.allowed());
        // one token every 6 s
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 6,
                "Retry-After " + refused.retryAfterSeconds());
    }

    @Test
    void clientsAndRoutesHaveSeparateBuckets() {
        for (int i = 0; i < 10; i++) {
            limiter.tryAcquire("registration", "192.0.2.1", tenPerMinute);
        }

        assertTrue(limiter.tryAcquire("registration", "192.0.2.2", tenPerMinute).allowed());
        assertTrue(limiter.tryAcquire("venue-api", "192.0.2.1", tenPerMinute).allowed());
    }
}
