package jp.moshisapo.notification.matching;

import java.time.Instant;

/** A half-open time range {@code [start, end)} in which a visit matches; never empty. */
public record TimeWindow(Instant start, Instant end) {

    public TimeWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("a window must end after it starts: " + start + " .. " + end);
        }
    }

    public boolean intersects(TimeWindow other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    /** Overlapping or touching: the two merge into one. */
    public boolean touches(TimeWindow other) {
        return !start.isAfter(other.end) && !other.start.isAfter(end);
    }
}
