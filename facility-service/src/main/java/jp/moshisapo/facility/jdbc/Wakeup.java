package jp.moshisapo.facility.jdbc;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets a committed transaction wake a relay (the event outbox's, the mail queue's) at once instead of after its
 * poll interval. Signals while nobody waits collapse into one.
 */
public class Wakeup {

    private final Semaphore pending = new Semaphore(0);

    public void signal() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until signalled or {@code timeout} passes; returns early when interrupted. */
    public void await(Duration timeout) {
        try {
            if (pending.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                pending.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
