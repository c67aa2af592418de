package jp.moshisapo.checkin.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import jp.moshisapo.checkin.config.CheckinConfig;
import jp.moshisapo.checkin.history.HistoryRepository;
import jp.moshisapo.checkin.processing.PoisonConfig;
import jp.moshisapo.checkin.processing.PoisonEvents;
import jp.moshisapo.checkin.processing.ProcessedEvents;
import org.jboss.logging.Logger;

/**
 * Deletes what this service no longer needs: residents' visits older than the history retention (14 days),
 * processed webhook event ids older than LINE's redelivery window and parked poison events older than their
 * retention (7 days). Runs hourly on every instance; the deletes are
 * idempotent, so instances running it at the same time only share the work.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final HistoryRepository history;
    private final ProcessedEvents processed;
    private final PoisonEvents poison;
    private final CheckinConfig config;
    private final PoisonConfig poisonConfig;
    private final Clock clock;

    @Inject
    RetentionJob(HistoryRepository history, ProcessedEvents processed, PoisonEvents poison, CheckinConfig config,
            PoisonConfig poisonConfig) {
        this(history, processed, poison, config, poisonConfig, Clock.systemUTC());
    }

    RetentionJob(HistoryRepository history, ProcessedEvents processed, PoisonEvents poison, CheckinConfig config,
            PoisonConfig poisonConfig, Clock clock) {
        this.history = history;
        this.processed = processed;
        this.poison = poison;
        this.config = config;
        this.poisonConfig = poisonConfig;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() throws SQLException {
        Instant now = clock.instant();
        long visits = history.deleteVisitedBefore(now.minus(config.historyRetention()));
        long events = processed.deleteProcessedBefore(now.minus(config.processedEventRetention()));
        long parked = poison.deleteParkedBefore(now.minus(poisonConfig.retention()));
        LOG.infof("retention: deleted %d visits older than %s, %d processed event ids older than %s and %d parked "
                + "events older than %s", visits, config.historyRetention(), events, config.processedEventRetention(),
                parked, poisonConfig.retention());
    }
}
