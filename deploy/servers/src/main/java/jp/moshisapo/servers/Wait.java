package jp.moshisapo.servers;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition with a deadline: the only way the project waits for a server. */
public final class Wait {

    private Wait() {
    }

    /** Returns once {@code condition} holds; throws with {@code what} when {@code timeout} passes first. */
    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long pause = 20;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new ServerStartException("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            pause(pause);
            pause = Math.min(pause * 2, 500);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while waiting", e);
        }
    }
}
