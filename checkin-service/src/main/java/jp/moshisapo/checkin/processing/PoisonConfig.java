package jp.moshisapo.checkin.processing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How often one webhook event is tried on its own before it is parked ({@code moshisapo.checkin.poison.*}). */
@ConfigMapping(prefix = "moshisapo.checkin.poison")
public interface PoisonConfig {

    /**
     * Attempts at an event processed alone (after its batch failed for a reason of its own) before it is parked in
     * {@code poison_event} and its partition moves on. A few: a deterministic failure fails every time, and each
     * attempt holds up the other residents of the partition.
     */
    @WithDefault("3")
    int attempts();

    /** Wait before the second attempt; doubles for each further one (0.5 s, 1 s with the defaults). */
    @WithDefault("PT0.5S")
    Duration backoff();

    /**
     * How long a parked row is kept ({@code POISON_EVENT_RETENTION}). The raw event it points at leaves
     * checkin.webhook-events.v1 within about 25 hours; the row (event id, offset, exception classes, no personal
     * data) stays a week so an operator back from a weekend still sees what failed.
     */
    @WithDefault("P7D")
    Duration retention();
}
