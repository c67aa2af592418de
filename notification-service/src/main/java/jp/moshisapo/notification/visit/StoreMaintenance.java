package jp.moshisapo.notification.visit;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import io.quarkus.arc.All;

/**
 * Keeps partitions ahead of time, drops days past retention and prunes what outlives its need (erasure
 * tombstones, unreachable markers, and through {@link RetentionStep}s the delivery batches' resident keys), at
 * start and then every {@code VISIT_MAINTENANCE_EVERY}.
 */
@ApplicationScoped
public class StoreMaintenance {

    private final VisitPartitions partitions;
    private final Residents residents;
    private final Clock clock;
    private final List<RetentionStep> steps;

    StoreMaintenance(VisitPartitions partitions, Residents residents, Clock clock, @All List<RetentionStep> steps) {
        this.partitions = partitions;
        this.residents = residents;
        this.clock = clock;
        this.steps = steps;
    }

    void onStart(@Observes StartupEvent event) {
        run(clock.instant());
    }

    @Scheduled(every = "${moshisapo.notification.visits.maintenance-every}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            run(clock.instant());
        } catch (RuntimeException e) {
            Log.errorf("Visit store maintenance failed, next attempt on schedule: %s", e.getMessage());
        }
    }

    /** One maintenance pass as of {@code now}; returns the days dropped. */
    public List<LocalDate> run(Instant now) {
        List<LocalDate> dropped = partitions.maintain(now);
        Instant horizon = partitions.retention().horizon(now);
        residents.forgetErasuresBefore(horizon);
        residents.forgetFriendCountsBefore(partitions.retention().firstKeptDay(now));
        int markers = residents.forgetUnreachableBefore(horizon);
        if (markers > 0) {
            Log.infof("Forgot %d unreachable markers older than the %d-day retention", markers,
                    partitions.retention().retentionDays());
        }
        steps.forEach(step -> step.expire(now));
        return dropped;
    }
}
