package jp.moshisapo.linesim.messaging;

/**
 * A token bucket holding one second's worth of requests, refilled continuously: a burst up to the per-second
 * limit passes, a sustained rate above it gets 429 like LINE's per-channel limits.
 */
final class RateLimiter {

    private final int perSecond;
    private double tokens;
    private long lastRefillNanos;

    RateLimiter(int perSecond) {
        this.perSecond = perSecond;
        this.tokens = perSecond;
        this.lastRefillNanos = System.nanoTime();
    }

    int perSecond() {
        return perSecond;
    }

    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(perSecond, tokens + (now - lastRefillNanos) * perSecond / 1e9);
        lastRefillNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
