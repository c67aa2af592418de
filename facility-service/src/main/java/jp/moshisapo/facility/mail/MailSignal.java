package jp.moshisapo.facility.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Lets a committed transaction that queued mail wake the relay at once instead of after its poll interval. */
@ApplicationScoped
class MailSignal {

    private final Semaphore pending = new Semaphore(0);

    void signal() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits until signalled or {@code timeout} passes; returns early when interrupted. */
    void await(Duration timeout) {
        try {
            if (pending.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
                pending.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
