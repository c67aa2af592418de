package jp.moshisapo.notification.fanout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RatePacerTest {

    private static final long SECOND = 1_000_000_000L;

    /** Simulated time: the tests move it on instead of sleeping. */
    private static final class Clock implements TimeMeter {
        long now = 1_000 * SECOND;

        @Override
        public long currentTimeNanos() {
            return now;
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    }

    @Test
    void neverMoreThanRatePlusBurstInAnySecondAndNoFewerOnAverage() {
        Clock clock = new Clock();
        RatePacer pacer = new RatePacer(200, 10, clock);
        long start = clock.now;
        int granted = 0;
        int inFirstSecond = 0;
        // a greedy sender that asks again the moment it is allowed, for 10 simulated seconds
        while (clock.now - start < 10 * SECOND) {
            long wait = pacer.reserve();
            if (wait == 0) {
                granted++;
                if (clock.now - start < SECOND) {
                    inFirstSecond++;
                }
            } else {
                clock.now += wait;
            }
        }
        assertTrue(inFirstSecond <= 200 + 10, "first second: " + inFirstSecond);
        assertTrue(granted >= 1999 && granted <= 2010, "ten seconds: " + granted);
    }

    @Test
    void lateWakeUpsAreMadeUpSoTheAverageRateHolds() {
        Clock clock = new Clock();
        RatePacer pacer = new RatePacer(200, 10, clock);
        long start = clock.now;
        int granted = 0;
        while (granted < 2000) {
            long wait = pacer.reserve();
            if (wait == 0) {
                granted++;
            } else {
                clock.now += wait + 300_000; // every sleep overshoots by 0.3 ms
            }
        }
        double seconds = (clock.now - start) / 1e9;
        assertTrue(seconds < 10.1, "2,000 requests took " + seconds + " s");
    }

    @Test
    void aPauseAfter429HoldsEveryRequestAndALaterShorterPauseDoesNotShortenIt() {
        Clock clock = new Clock();
        RatePacer pacer = new RatePacer(200, 10, clock);
        pacer.pause(Duration.ofMillis(500));
        pacer.pause(Duration.ofMillis(100));
        long wait = pacer.reserve();
        assertTrue(wait > 400_000_000L, "waited " + wait / 1_000_000 + " ms");
        clock.now += wait;
        assertTrue(pacer.reserve() == 0, "a request may go once the pause is over");
    }

    @Test
    void acquireBlocksInRealTimeAtTheRate() throws InterruptedException {
        RatePacer pacer = new RatePacer(200, 1);
        long start = System.nanoTime();
        for (int i = 0; i < 21; i++) {
            pacer.acquire();
        }
        long elapsed = System.nanoTime() - start;
        assertTrue(elapsed >= 95_000_000L, "21 requests at 200/s with no burst took " + elapsed / 1_000_000 + " ms");
    }
}
