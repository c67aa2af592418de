package jp.moshisapo.notification.code;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import jp.moshisapo.protocol.events.CodeState;

/** Reads the compacted facility.codes.v1 from the beginning into the {@link CodeDirectory}. */
@ApplicationScoped
public class CodeStateIngest {

    private final CodeDirectory directory;

    CodeStateIngest(CodeDirectory directory) {
        this.directory = directory;
    }

    @Incoming("codes")
    @Blocking
    @Retry(maxRetries = -1, delay = 500, maxDuration = 10, durationUnit = ChronoUnit.MINUTES)
    @ExponentialBackoff(maxDelay = 30, maxDelayUnit = ChronoUnit.SECONDS)
    public void consume(CodeState state) {
        // Tombstones and unreadable records carry nothing to keep.
        if (state != null && state.code() != null && state.status() != null && state.occurredAt() != null) {
            directory.update(state);
        }
    }
}
