package jp.moshisapo.notification.visit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What the store keeps at a given moment: the days from {@code firstKeptDay} to {@code lastAcceptedDay}. A day
 * is dropped once it ended more than the retention ago, so visits live between retention and retention + 1 day.
 */
public record Retention(Days days, int retentionDays, int aheadDays) {

    public Retention {
        if (retentionDays < 1) {
            throw new IllegalArgumentException("the visit retention must be at least 1 day");
        }
        if (aheadDays < 1) {
            throw new IllegalArgumentException("partitions must be created at least 1 day ahead");
        }
    }

    /** Visits before this instant are past retention: never stored, never matched. */
    public Instant horizon(Instant now) {
        return now.minus(java.time.Duration.ofDays(retentionDays));
    }

    /** The oldest day that still holds visits younger than the retention. */
    public LocalDate firstKeptDay(Instant now) {
        return days.dayOf(horizon(now));
    }

    /** The last day a visit may be dated (clock skew of a producer beyond this is refused). */
    public LocalDate lastAcceptedDay(Instant now) {
        return days.dayOf(now).plusDays(aheadDays);
    }

    /** Whether a partition for {@code day} must be dropped at {@code now}. */
    public boolean expired(LocalDate day, Instant now) {
        return !days.endOf(day).isAfter(horizon(now));
    }
}
