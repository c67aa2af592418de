package jp.moshisapo.notification.fanout;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * The channel's multicast rate as a token bucket (bucket4j): {@code rate} tokens a second, refilled continuously,
 * holding at most {@code burst}, so a late wake-up is made up instead of lowering the average while any period T
 * still carries at most {@code rate·T + burst} requests. A 429 pauses the bucket: LINE says we are too fast, so we
 * wait.
 */
final class RatePacer {

    private final Bucket bucket;
    private final int perSecond;

    RatePacer(int perSecond, int burst) {
        this(perSecond, burst, TimeMeter.SYSTEM_NANOTIME);
    }

    /** With another clock, for tests that simulate time. */
    RatePacer(int perSecond, int burst, TimeMeter clock) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be at least 1");
        }
        this.perSecond = perSecond;
        this.bucket = Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(perSecond, Duration.ofSeconds(1)))
                .withCustomTimePrecision(clock)
                .build();
    }

    /** Blocks until the next request may go out. */
    void acquire() throws InterruptedException {
        bucket.asBlocking().consume(1);
    }

    /** Takes a token and returns 0, or returns how many nanoseconds to wait before one is there. */
    long reserve() {
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill();
    }

    /**
     * No request for {@code duration}: the bucket goes that many tokens into debt, unless an earlier pause already
     * holds it longer. (A request taking a token between the two calls lengthens the pause by one interval.)
     */
    synchronized void pause(Duration duration) {
        long debt = duration.toNanos() * perSecond / 1_000_000_000L;
        long available = bucket.getAvailableTokens();
        if (available > -debt) {
            bucket.consumeIgnoringRateLimits(available + debt);
        }
    }
}
