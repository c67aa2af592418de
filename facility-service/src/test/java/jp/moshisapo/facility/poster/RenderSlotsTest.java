package jp.moshisapo.facility.poster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A burst of poster downloads is drawn a few at a time, so it cannot take the heap (16 at once took 512 MB in
 * the benchmark); a request that cannot get its turn in time is told to come back, never failed mid-drawing.
 */
class RenderSlotsTest {

    @Test
    void aBurstOfTwelveIsDrawnAtMostTwoAtATimeAndEveryoneGetsTheirPdf() throws Exception {
        RenderSlots slots = new RenderSlots(2, Duration.ofSeconds(30), Busy::new);
        AtomicInteger drawing = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService burst = Executors.newFixedThreadPool(12);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                answers.add(burst.submit(() -> slots.draw(() -> {
                    most.accumulateAndGet(drawing.incrementAndGet(), Math::max);
                    pause(20);
                    drawing.decrementAndGet();
                    return new byte[] {'%', 'P', 'D', 'F'};
                })));
            }
            for (Future<byte[]> answer : answers) {
                assertEquals(4, answer.get(30, TimeUnit.SECONDS).length);
            }
        } finally {
            burst.shutdownNow();
        }
        assertTrue(most.get() <= 2, most.get() + " drawn at once");
    }

    @Test
    void aRequestThatCannotGetItsTurnInTimeIsRefusedAndTheSlotServesTheNextOneAfterwards() throws Exception {
        RenderSlots slots = new RenderSlots(1, Duration.ofMillis(100), Busy::new);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread long_ = new Thread(() -> slots.draw(() -> {
            holding.countDown();
            await(release);
            return new byte[0];
        }));
        long_.start();
        try {
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            assertThrows(Busy.class, () -> slots.draw(() -> new byte[0]), "refused, not queued for ever");
        } finally {
            release.countDown();
            long_.join(10_000);
        }
        assertEquals(3, slots.draw(() -> new byte[3]).length, "the slot is free again once the long one is done");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis); // the drawing itself, not synchronisation
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stands for the service's 503 (Posters.busy), whose wording needs the running service's message bundle. */
    private static final class Busy extends RuntimeException {
    }
}
