package jp.moshisapo.notification.fanout;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * The channel's multicast rate as a token bucket (GCRA form): one request per {@code 1/rate}, with up to
 * {@code burst} back to back so a late wake-up is made up instead of lowering the average. Over any period T at
 * most {@code rate·T + burst} requests pass. A 429 pauses the bucket: LINE says we are too fast, so we wait.
 */
final class RatePacer {

    private final long intervalNanos;
    private final long toleranceNanos;
    private long theoreticalArrival;
    private long pausedUntil;

    RatePacer(int perSecond, int burst) {
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be at least 1");
        }
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.toleranceNanos = (burst - 1) * intervalNanos;
        this.theoreticalArrival = System.nanoTime();
        this.pausedUntil = theoreticalArrival;
    }

    /** Blocks until the next request may go out. */
    void acquire() throws InterruptedException {
        for (long wait = reserve(System.nanoTime()); wait > 0; wait = reserve(System.nanoTime())) {
            LockSupport.parkNanos(wait);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    /** Takes a token at {@code now} and returns 0, or returns how long to wait first. */
    synchronized long reserve(long now) {
        long earliest = Math.max(theoreticalArrival - toleranceNanos, pausedUntil);
        if (now - earliest < 0) {
            return earliest - now;
        }
        theoreticalArrival = Math.max(theoreticalArrival, now - toleranceNanos) + intervalNanos;
        return 0;
    }

    synchronized void pause(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        if (until - pausedUntil > 0) {
            pausedUntil = until;
        }
    }
}
