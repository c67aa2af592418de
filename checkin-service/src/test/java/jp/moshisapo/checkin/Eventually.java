package jp.moshisapo.checkin;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until a value satisfies a condition or a deadline passes: tests never sleep to synchronise. */
public final class Eventually {

    public static final Duration DEADLINE = Duration.ofSeconds(20);

    private Eventually() {
    }

    /** The first value of {@code probe} that is not null, polled until the deadline. */
    public static <T> T await(String what, Supplier<T> probe) {
        return await(what, DEADLINE, probe);
    }

    /** The same with a deadline of its own, for waits that include the service's own backoff. */
    public static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 10;
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
            pause = Math.min(pause * 2, 200);
        }
    }
}
