package jp.moshisapo.linesim.messaging;

import java.time.Duration;

/**
 * A drill fault on one endpoint: answer {@code status} instead of doing the work, and/or answer {@code delay}
 * late. A delay alone still delivers the request first, so a client that times out sees the case LINE's retry
 * keys exist for (accepted, answer lost).
 *
 * @param status   HTTP status to answer (400..599), or 0 for none
 * @param count    how many requests the rule applies to, or 0 for no count limit
 * @param duration how long the rule applies, or null for no time limit
 * @param delay    extra time before answering, or null/zero for none
 */
public record FaultRule(int status, int count, Duration duration, Duration delay) {

    public FaultRule {
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("status must be 0 or 400..599: " + status);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0: " + count);
        }
        if (duration != null && (duration.isNegative() || duration.isZero())) {
            throw new IllegalArgumentException("duration must be > 0: " + duration);
        }
        if (delay != null && delay.isNegative()) {
            throw new IllegalArgumentException("delay must be >= 0: " + delay);
        }
        if (status == 0 && (delay == null || delay.isZero())) {
            throw new IllegalArgumentException("a fault needs a status or a delay");
        }
    }

    public static FaultRule failNext(int status, int count) {
        return new FaultRule(status, count, null, null);
    }

    public static FaultRule failFor(int status, Duration duration) {
        return new FaultRule(status, 0, duration, null);
    }

    public static FaultRule delayAll(Duration delay) {
        return new FaultRule(0, 0, null, delay);
    }

    long delayMillis() {
        return delay == null ? 0 : delay.toMillis();
    }
}
