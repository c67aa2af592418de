package jp.moshisapo.notification.visit;

import io.quarkus.logging.Log;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import jp.moshisapo.protocol.events.VisitRecorded;

/**
 * Consumes checkin.visits.v1 in batches (one poll = one INSERT). Offsets are committed only after the batch is in
 * the database; redelivery after a crash is harmless because the store is idempotent on the visit id. Batches are
 * stored concurrently (worker pool {@code visit-ingest}): visits are independent rows, so order does not matter.
 */
@ApplicationScoped
public class VisitIngest {

    private final VisitStore store;

    VisitIngest(VisitStore store) {
        this.store = store;
    }

    /**
     * While PostgreSQL is unavailable the batch is retried with growing pauses (the consumer pauses its partitions
     * meanwhile); after 10 minutes the channel fails, readiness goes DOWN and the platform restarts the pod.
     */
    @Incoming("visits")
    @Blocking(value = "visit-ingest", ordered = false)
    @Retry(maxRetries = -1, delay = 500, maxDuration = 10, durationUnit = java.time.temporal.ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = java.time.temporal.ChronoUnit.SECONDS)
    public void consume(List<VisitRecorded> batch) {
        // Undeserialisable records arrive as null (fail-on-deserialization-failure=false): counted, not stored.
        IngestResult result = store.store(batch.stream().filter(Objects::nonNull).toList());
        int unreadable = (int) batch.stream().filter(Objects::isNull).count();
        if (result.malformed() + result.outOfRange() + unreadable > 0) {
            // malformed includes a sealed id that does not open: a key id removed too early from
            // EVENT_ENCRYPTION_KEYS (docs/operations.md, "Key rotation").
            Log.warnf("Refused visits: %d malformed, %d unreadable, %d outside the kept days", result.malformed(),
                    unreadable, result.outOfRange());
        }
    }
}
