package jp.moshisapo.facility.poster;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * At most {@code slots} PDFs drawn at once (see {@code FacilityConfig.Posters}); a request waits up to
 * {@code wait} for its turn and is otherwise refused with 503 and Retry-After, which a venue's browser shows as
 * "busy, try again" rather than a failure after the service ran out of memory.
 */
final class RenderSlots {

    private final Semaphore slots;
    private final Duration wait;
    private final Supplier<? extends RuntimeException> busy;

    RenderSlots(int slots, Duration wait, Supplier<? extends RuntimeException> busy) {
        if (slots < 1) {
            throw new IllegalArgumentException("moshisapo.facility.posters.concurrent-renders must be at least 1");
        }
        this.slots = new Semaphore(slots, true); // first come, first drawn
        this.wait = wait;
        this.busy = busy;
    }

    byte[] draw(Supplier<byte[]> render) {
        boolean acquired;
        try {
            acquired = slots.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw busy.get();
        }
        try {
            return render.get();
        } finally {
            slots.release();
        }
    }
}
