package jp.moshisapo.notification.fanout;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between retries of one batch: exponential with full jitter (so a storm's retries do not return in step),
 * never shorter than LINE's Retry-After when it sends one.
 */
record Backoff(Duration initial, Duration max) {

    Duration after(int attempts, Duration retryAfter) {
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempts - 1, 20));
        long jittered = ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
        long wait = retryAfter == null ? jittered : Math.max(jittered, retryAfter.toMillis());
        return Duration.ofMillis(wait);
    }
}
