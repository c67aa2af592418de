package jp.moshisapo.notification.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
    void aStayRuleCaseOverlapsAnEarlierCaseItsStaysReachBackInto() {
        CaseTarget evening = CaseTarget.of(List.of("A"), MatchWindows.merge(List.of(window(18, 20))), MatchRule.STAY)
                .withStays(code -> Duration.ofHours(2));
        assertTrue(evening.overlaps(target(List.of("A"), 15, 17)), "a 16:30 scan at a 2-hour venue meets 18:00");
        assertFalse(evening.overlaps(target(List.of("A"), 12, 15)), "who left by 17:00 was gone before 18:00");
        CaseTarget byScan = CaseTarget.of(List.of("A"), MatchWindows.merge(List.of(window(18, 20))), MatchRule.SCAN)
                .withStays(code -> Duration.ofHours(2));
        assertFalse(byScan.overlaps(target(List.of("A"), 15, 17)), "a scan-rule case does not reach back");
    }

    @Test
    void eachWindowOnlyReachesBackToTheEndOfTheOneBefore() {
        MatchWindows windows = MatchWindows.merge(List.of(window(18, 20), window(10, 12), window(13, 14)));
        assertEquals(java.util.Arrays.asList(null, T.plusSeconds(3600L * 12), T.plusSeconds(3600L * 14)),
                java.util.Arrays.asList(windows.previousEnds()));
    }

    @Test
    void aWindowThatEndsBeforeItStartsIsNotAWindow() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> window(3, 3));
    }

    private static CaseTarget target(List<String> codes, int fromHour, int toHour) {
        return CaseTarget.of(codes, MatchWindows.merge(List.of(window(fromHour, toHour))), MatchRule.SCAN);
    }

    private static TimeWindow window(int fromHour, int toHour) {
        return new TimeWindow(T.plusSeconds(3600L * fromHour), T.plusSeconds(3600L * toHour));
    }
}
