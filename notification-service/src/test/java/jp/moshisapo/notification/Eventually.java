package jp.moshisapo.notification;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polls with a deadline: how tests wait for asynchronous work (Kafka ingest, fan-out), never a fixed sleep. */
public final class Eventually {

    private Eventually() {
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 10;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
            pause = Math.min(pause * 2, 200);
        }
    }

    /** Waits until {@code value} yields {@code expected}; the failure message shows the last value seen. */
    public static <T> void equals(String what, Duration timeout, T expected, Supplier<T> value) {
        Object[] last = new Object[1];
        try {
            until(what, timeout, () -> expected.equals(last[0] = value.get()));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (expected " + expected + ", last " + last[0] + ")");
        }
    }
}
