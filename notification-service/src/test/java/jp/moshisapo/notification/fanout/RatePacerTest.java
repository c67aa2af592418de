package jp.moshisapo.notification.fanout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatePacerTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void neverMoreThanRatePlusBurstInAnySecondAndNoFewerOnAverage() {
        RatePacer pacer = new RatePacer(200, 10);
        long start = System.nanoTime();
        long now = start;
        int granted = 0;
        int inFirstSecond = 0;
        // a greedy sender that asks again the moment it is allowed, for 10 simulated seconds
        while (now - start < 10 * SECOND) {
            long wait = pacer.reserve(now);
            if (wait == 0) {
                granted++;
                if (now - start < SECOND) {
                    inFirstSecond++;
                }
            } else {
                now += wait;
            }
        }
        assertTrue(inFirstSecond <= 200 + 10, "first second: " + inFirstSecond);
        assertTrue(granted >= 1999 && granted <= 2010, "ten seconds: " + granted);
    }

    @Test
    void lateWakeUpsAreMadeUpSoTheAverageRateHolds() {
        RatePacer pacer = new RatePacer(200, 10);
        long now = System.nanoTime();
        long start = now;
        int granted = 0;
        while (granted < 2000) {
            long wait = pacer.reserve(now);
            if (wait == 0) {
                granted++;
            } else {
                now += wait + 300_000; // every sleep overshoots by 0.3 ms
            }
        }
        double seconds = (now - start) / 1e9;
        assertTrue(seconds < 10.1, "2,000 requests took " + seconds + " s");
    }

    @Test
    void aPauseAfter429HoldsEveryRequest() {
        RatePacer pacer = new RatePacer(200, 10);
        pacer.pause(java.time.Duration.ofMillis(500));
        long wait = pacer.reserve(System.nanoTime());
        assertTrue(wait > 400_000_000L, "waited " + wait);
    }
}
