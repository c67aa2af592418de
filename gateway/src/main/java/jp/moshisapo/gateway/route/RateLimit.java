package jp.moshisapo.gateway.route;

import java.time.Duration;

/** {@code capacity} requests per {@code period} and client, refilled continuously. */
public record RateLimit(long capacity, Duration period) {

    public RateLimit {
        if (capacity < 1 || period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
        }
    }
}
