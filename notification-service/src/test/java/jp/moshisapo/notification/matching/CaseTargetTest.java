package jp.moshisapo.notification.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseTargetTest {

    private static final Instant T = Instant.parse("2026-11-20T00:00:00Z");

    @Test
    void overlappingAndTouchingWindowsMergeSoNoVisitMatchesTwice() {
        MatchWindows windows = MatchWindows.merge(List.of(window(5, 8), window(0, 2), window(1, 3), window(3, 4)));
        assertEquals(List.of(window(0, 4), window(5, 8)), windows.windows());
    }

    @Test
    void casesOverlapOnlyWithASharedCodeAndIntersectingTime() {
        CaseTarget monday = target(List.of("A", "B"), 0, 24);
        assertTrue(monday.overlaps(target(List.of("B"), 20, 30)));
        assertFalse(monday.overlaps(target(List.of("C"), 0, 24)), "different venue");
        assertFalse(monday.overlaps(target(List.of("A"), 24, 48)), "same venue, the next day");
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsNotAWindow() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> window(3, 3));
    }

    private static CaseTarget target(List<String> codes, int fromHour, int toHour) {
        return new CaseTarget(codes, MatchWindows.merge(List.of(window(fromHour, toHour))));
    }

    private static TimeWindow window(int fromHour, int toHour) {
        return new TimeWindow(T.plusSeconds(3600L * fromHour), T.plusSeconds(3600L * toHour));
    }
}
