package jp.moshisapo.linesim.messaging;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * The channel's monthly message quota as LINE keeps it: every message a push or multicast delivers counts once per
 * recipient (replies are free), the count starts again each month (Japan time), and a request that would pass the
 * limit is refused whole with 429 "You have reached your monthly limit." — LINE processes no part of a 429 request.
 * No limit is set until a drill or the control API sets one ({@code type: none} at LINE).
 */
public final class MessageQuota {

    static final String MONTHLY_LIMIT_REACHED = "You have reached your monthly limit.";
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

    private final Clock clock;
    private Long limit;
    private long used;
    private YearMonth month;

    MessageQuota(Clock clock) {
        this.clock = clock;
        this.month = YearMonth.now(clock.withZone(JAPAN));
    }

    /** The monthly limit, or null when none is set (LINE's {@code type: none}). */
    public synchronized Long limit() {
        return limit;
    }

    /** Sets the limit (null: none); what was used this month stays used, as when a plan changes at LINE. */
    public synchronized void limit(Long limit) {
        if (limit != null && limit < 0) {
            throw new IllegalArgumentException("monthlyLimit must be 0 or more");
        }
        this.limit = limit;
    }

    /** Messages delivered this month, as LINE's consumption endpoint reports them. */
    public synchronized long used() {
        rollOver();
        return used;
    }

    /** Counts {@code messages} if they fit this month's limit; false (nothing counted) when they do not. */
    synchronized boolean tryConsume(long messages) {
        rollOver();
        if (limit != null && used + messages > limit) {
            return false;
        }
        used += messages;
        return true;
    }

    synchronized void reset() {
        limit = null;
        used = 0;
    }

    private void rollOver() {
        YearMonth now = YearMonth.now(clock.withZone(JAPAN));
        if (!now.equals(month)) {
            month = now;
            used = 0;
        }
    }
}
