package jp.moshisapo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How exposure cases go out as LINE multicasts ({@code moshisapo.notification.fanout.*}). */
@ConfigMapping(prefix = "moshisapo.notification.fanout")
public interface FanoutConfig {

    /** The channel's multicast rate limit; LINE allows 200 requests/s. Never exceeded on average. */
    @WithDefault("200")
    int multicastPerSecond();

    /**
     * Requests that may go out back to back after a late wake-up, so scheduling jitter does not lower the average
     * rate; any one second still carries at most rate + burst requests.
     */
    @WithDefault("20")
    int burst();

    /** Recipients per multicast; LINE accepts at most 500. */
    @WithDefault("500")
    int batchSize();

    /** Multicast requests in flight at once: 32 keep 200 requests/s going while answers take up to 160 ms. */
    @WithDefault("32")
    int maxInFlight();

    /** How long one multicast request may take before it is retried with the same retry key. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** First wait before retrying a batch after 429/5xx; doubles per attempt up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration initialBackoff();

    @WithDefault("60s")
    Duration maxBackoff();

    /**
     * A case still not delivered this long after approval ends FAILED. At most 24 h: LINE remembers a retry key
     * for 24 hours, so a later retry could deliver a second time.
     */
    @WithDefault("24h")
    Duration deadline();

    /** A resident notified for an overlapping case this recently is not notified again. */
    @WithDefault("24h")
    Duration recentlyNotified();

    /** How often the sending instance looks for cases approved or cancelled on another instance. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Set false to run an instance that never sends (e.g. a read-only replica). */
    @WithDefault("true")
    boolean enabled();
}
