package jp.moshisapo.linesim.messaging;

import jp.moshisapo.linesim.LineSimulatorConfig;

import java.util.EnumMap;
import java.util.Map;

/** One token bucket per endpoint; rebuilt when the configured rate of that endpoint changes. */
final class RateLimits {

    private volatile Map<Endpoint, RateLimiter> limiters = new EnumMap<>(Endpoint.class);

    RateLimits(LineSimulatorConfig config) {
        reconfigure(config);
    }

    synchronized void reconfigure(LineSimulatorConfig config) {
        Map<Endpoint, RateLimiter> next = new EnumMap<>(limiters);
        for (Endpoint endpoint : Endpoint.values()) {
            int rate = rateOf(endpoint, config);
            RateLimiter current = next.get(endpoint);
            if (current == null || current.perSecond() != rate) {
                next.put(endpoint, new RateLimiter(rate));
            }
        }
        limiters = next;
    }

    /** Refills every bucket, e.g. between test cases. */
    synchronized void refill() {
        Map<Endpoint, RateLimiter> next = new EnumMap<>(Endpoint.class);
        limiters.forEach((endpoint, limiter) -> next.put(endpoint, new RateLimiter(limiter.perSecond())));
        limiters = next;
    }

    boolean tryAcquire(Endpoint endpoint) {
        return limiters.get(endpoint).tryAcquire();
    }

    private static int rateOf(Endpoint endpoint, LineSimulatorConfig config) {
        return switch (endpoint) {
            case REPLY -> config.replyPerSecond();
            case PUSH -> config.pushPerSecond();
            case MULTICAST -> config.multicastPerSecond();
            // LINE documents 2,000 requests/s for the profile and quota APIs as for most other endpoints.
            case PROFILE, QUOTA, QUOTA_CONSUMPTION -> 2000;
        };
    }
}
