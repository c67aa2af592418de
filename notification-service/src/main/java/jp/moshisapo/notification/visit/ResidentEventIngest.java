package jp.moshisapo.notification.visit;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import io.quarkus.logging.Log;
import jp.moshisapo.protocol.events.EventKeyring;
import jp.moshisapo.protocol.events.ResidentEvent;

/**
 * Consumes checkin.residents.v1: erasure requests and follow/unfollow, in order per resident (the record key is
 * the resident's pseudonym), the LINE user id opened from its sealed form.
 */
@ApplicationScoped
public class ResidentEventIngest {

    private final Residents residents;
    private final EventKeyring eventKeys;

    ResidentEventIngest(Residents residents, EventKeyring eventKeys) {
        this.residents = residents;
        this.eventKeys = eventKeys;
    }

    @Incoming("residents")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 10, durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(ResidentEvent event) {
        if (event == null || event.type() == null || event.sealedLineUserId() == null
                || event.schemaVersion() != ResidentEvent.SCHEMA_VERSION) {
            return; // unreadable record: nothing it could ask of us
        }
        String lineUserId;
        try {
            lineUserId = event.lineUserId(eventKeys);
        } catch (EventKeyring.UnreadableException e) {
            // Not retried: the same bytes never open. A key id removed too early from EVENT_ENCRYPTION_KEYS.
            Log.errorf("resident event %s skipped: %s", event.eventId(), e.getMessage());
            return;
        }
        switch (event.type()) {
            case ERASURE_REQUESTED -> residents.erase(lineUserId, event.occurredAt());
            case UNREACHABLE -> residents.unreachable(lineUserId, event.occurredAt());
            case REACHABLE -> residents.reachable(lineUserId, event.occurredAt());
        }
    }
}
