package jp.moshisapo.notification.visit;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import jp.moshisapo.protocol.events.ResidentEvent;

/** Consumes checkin.residents.v1: erasure requests and follow/unfollow, in order per resident. */
@ApplicationScoped
public class ResidentEventIngest {

    private final Residents residents;

    ResidentEventIngest(Residents residents) {
        this.residents = residents;
    }

    @Incoming("residents")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 10, durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(ResidentEvent event) {
        if (event == null || event.type() == null || event.lineUserId() == null) {
            return; // unreadable record: nothing it could ask of us
        }
        switch (event.type()) {
            case ERASURE_REQUESTED -> residents.erase(event.lineUserId(), event.occurredAt());
            case UNREACHABLE -> residents.unreachable(event.lineUserId(), event.occurredAt());
            case REACHABLE -> residents.reachable(event.lineUserId());
        }
    }
}
