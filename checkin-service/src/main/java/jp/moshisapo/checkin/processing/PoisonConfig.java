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
}
