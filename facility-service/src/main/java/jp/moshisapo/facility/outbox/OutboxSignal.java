package jp.moshisapo.facility.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Lets a committed transaction wake the relay at once instead of after its next poll interval. */
@ApplicationScoped
public class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    void signal() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until signalled or {@code timeout} passes; returns early when interrupted. */
    void await(Duration timeout) {
        try {
            if (pending.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                pending.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
