package jp.moshisapo.notification.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private final Days days = new Days(ZoneId.of("Asia/Tokyo"));
    private final Retention retention = new Retention(days, 28, 7);

    @Test
    void aDayIsDroppedOnceAllOfItIsOlderThanTheRetention() {
        LocalDate day = LocalDate.parse("2026-10-28");
        Instant endOfDay = days.endOf(day); // 2026-10-29 00:00 JST
        assertFalse(retention.expired(day, endOfDay.plus(java.time.Duration.ofDays(28)).minusSeconds(1)));
        assertTrue(retention.expired(day, endOfDay.plus(java.time.Duration.ofDays(28))));
    }

    @Test
    void partitionsAreNamedByTheirLocalDay() {
        LocalDate day = LocalDate.parse("2026-11-25");
        assertEquals("visit_p20261125", days.partitionName(day));
        assertEquals(day, days.dayOfPartition("visit_p20261125"));
        assertNull(days.dayOfPartition("visit_default"));
        assertEquals(Instant.parse("2026-11-24T15:00:00Z"), days.startOf(day));
    }

    @Test
    void theStoreAcceptsFromTheOldestKeptDayToAWeekAhead() {
        Instant now = Instant.parse("2026-11-25T03:00:00Z");
        assertEquals(LocalDate.parse("2026-10-28"), retention.firstKeptDay(now));
        assertEquals(LocalDate.parse("2026-12-02"), retention.lastAcceptedDay(now));
    }
}
