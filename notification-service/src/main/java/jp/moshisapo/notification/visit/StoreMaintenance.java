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

/** Keeps partitions ahead of time and drops days past retention, at start and then on a schedule. */
@ApplicationScoped
public class StoreMaintenance {

    private final VisitPartitions partitions;
    private final Residents residents;
    private final Clock clock;

    StoreMaintenance(VisitPartitions partitions, Residents residents, Clock clock) {
        this.partitions = partitions;
        this.residents = residents;
        this.clock = clock;
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
        residents.forgetErasuresBefore(partitions.retention().horizon(now));
        return dropped;
    }
}
