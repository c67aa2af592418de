package jp.moshisapo.linesim.messaging;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Fault injection for drills: per endpoint, at most one active {@link FaultRule}. */
public final class Faults {

    /** What the next request on an endpoint meets: a status to answer instead (0 = none) and a delay. */
    record Decision(int status, long delayMillis) {
        static final Decision NONE = new Decision(0, 0);
    }

    private static final class Active {
        final FaultRule rule;
        final long deadlineNanos;
        int remaining;

        Active(FaultRule rule) {
            this.rule = rule;
            this.deadlineNanos = rule.duration() == null ? Long.MAX_VALUE : System.nanoTime() + rule.duration().toNanos();
            this.remaining = rule.count();
        }

        boolean expired(long now) {
            return rule.duration() != null && now - deadlineNanos > 0;
        }
    }

    private final ConcurrentHashMap<Endpoint, Active> active = new ConcurrentHashMap<>();

    public void set(Endpoint endpoint, FaultRule rule) {
        active.put(endpoint, new Active(rule));
    }

    /** The next {@code count} requests to the endpoint get {@code status}. */
    public void failNext(Endpoint endpoint, int status, int count) {
        set(endpoint, FaultRule.failNext(status, count));
    }

    /** Requests to the endpoint get {@code status} for {@code duration}. */
    public void failFor(Endpoint endpoint, int status, Duration duration) {
        set(endpoint, FaultRule.failFor(status, duration));
    }

    /** Requests to the endpoint are processed, then answered {@code delay} late, until cleared. */
    public void delay(Endpoint endpoint, Duration delay) {
        set(endpoint, FaultRule.delayAll(delay));
    }

    public void clear(Endpoint endpoint) {
        active.remove(endpoint);
    }

    public void clear() {
        active.clear();
    }

    /** The rules still in force. */
    public Map<Endpoint, FaultRule> active() {
        Map<Endpoint, FaultRule> rules = new EnumMap<>(Endpoint.class);
        long now = System.nanoTime();
        active.forEach((endpoint, a) -> {
            if (!a.expired(now)) {
                rules.put(endpoint, a.rule);
            }
        });
        return rules;
    }

    /** Consumes one use of the endpoint's rule, if any applies. */
    Decision next(Endpoint endpoint) {
        Decision[] decision = {Decision.NONE};
        long now = System.nanoTime();
        active.computeIfPresent(endpoint, (e, a) -> {
            if (a.expired(now)) {
                return null;
            }
            decision[0] = new Decision(a.rule.status(), a.rule.delayMillis());
            if (a.rule.count() > 0 && --a.remaining <= 0) {
                return null;
            }
            return a;
        });
        return decision[0];
    }
}
