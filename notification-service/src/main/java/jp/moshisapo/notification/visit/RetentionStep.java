package jp.moshisapo.notification.visit;

import java.time.Instant;

/**
 * Retention of data kept by a feature above this package (the fan-out's batches), run by {@link StoreMaintenance}
 * on the same schedule, so "the maintenance job" is one thing to run, watch and test.
 */
public interface RetentionStep {

    /** Deletes or clears what has outlived its need as of {@code now}. */
    void expire(Instant now);
}
