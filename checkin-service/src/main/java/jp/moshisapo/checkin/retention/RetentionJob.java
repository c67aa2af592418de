package jp.moshisapo.checkin.retention;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import jp.moshisapo.checkin.config.CheckinConfig;
import jp.moshisapo.checkin.history.HistoryRepository;
import jp.moshisapo.checkin.processing.ProcessedEvents;
import org.jboss.logging.Logger;

/**
 * Deletes what this service no longer needs: residents' visits older than the history retention (14 days) and
 * processed webhook event ids older than LINE's redelivery window. Runs hourly on every instance; the deletes are
 * idempotent, so instances running it at the same time only share the work.
 */
@ApplicationScoped
public class RetentionJob {

    private static final Logger LOG = Logger.getLogger(RetentionJob.class);

    private final HistoryRepository history;
    private final ProcessedEvents processed;
    private final CheckinConfig config;
    private final Clock clock;

    @Inject
    RetentionJob(HistoryRepository history, ProcessedEvents processed, CheckinConfig config) {
        this(history, processed, config, Clock.systemUTC());
    }

    RetentionJob(HistoryRepository history, ProcessedEvents processed, CheckinConfig config, Clock clock) {
        this.history = history;
        this.processed = processed;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void run() throws SQLException {
        Instant now = clock.instant();
        long visits = history.deleteVisitedBefore(now.minus(config.historyRetention()));
        long events = processed.deleteProcessedBefore(now.minus(config.processedEventRetention()));
        LOG.infof("retention: deleted %d visits older than %s and %d processed event ids older than %s", visits,
                config.historyRetention(), events, config.processedEventRetention());
    }
}
