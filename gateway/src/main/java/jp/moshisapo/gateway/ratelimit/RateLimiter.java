package jp.moshisapo.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jp.moshisapo.gateway.route.RateLimit;

/**
 * Token buckets per route and client, in memory (each gateway replica counts for itself; see docs/security.md).
 * A bucket untouched for its whole period would be full again, so dropping it then loses nothing; the map is
 * also bounded, so a flood of spoofed client keys cannot exhaust memory.
 */
public final class RateLimiter {

    private final Cache<Key, Bucket> buckets;

    public RateLimiter(Duration longestPeriod, long maxClients) {
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(longestPeriod)
                .maximumSize(maxClients)
                // the upkeep (expiry, eviction) runs on the request's event loop, a little at a time, instead of
                // being handed to the common pool, which costs a thread wake-up for each batch of requests
                .executor(Runnable::run)
                .build();
    }

    /** Takes one token for {@code client} on {@code route}, or says how long to wait for the next one. */
    public Decision tryAcquire(String route, String client, RateLimit limit) {
        Bucket bucket = buckets.get(new Key(route, client), key -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()))
                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return Decision.ALLOWED;
        }
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L));
        return new Decision(false, seconds);
    }

    /** Whether the request may go on; if not, the {@code Retry-After} seconds. */
    public record Decision(boolean allowed, long retryAfterSeconds) {

        static final Decision ALLOWED = new Decision(true, 0);
    }

    private record Key(String route, String client) {
    }
}
