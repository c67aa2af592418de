package jp.moshisapo.facility.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import jp.moshisapo.facility.config.FacilityConfig;
import org.jboss.logging.Logger;

/**
 * Deletes outbox rows that were sent more than {@code sent-retention} (7 days) ago and that a later row for the
 * same code has replaced, so the outbox does not keep every venue's history forever. The newest row of each code
 * stays: it is exactly what the compacted {@code facility.codes.v1} keeps anyway, and what a deliberate republish
 * ({@code UPDATE facility.outbox SET sent_at = NULL}) must send to rebuild the topic.
 *
 * <p>The pruner never takes the relay's advisory lock: it deletes only rows the relay will not read again (sent
 * ones), so it cannot reorder or lose an event, and a long delete must not pause publishing. It takes a lock of
 * its own so that of several instances one prunes at a time; batches keep each transaction short.
 */
@ApplicationScoped
public class OutboxPruner {

    private static final Logger LOG = Logger.getLogger(OutboxPruner.class);
    static final int BATCH = 1000;

    private final OutboxRepository outbox;
    private final Duration retention;

    OutboxPruner(OutboxRepository outbox, FacilityConfig config) {
        this.outbox = outbox;
        this.retention = config.outbox().sentRetention();
    }

    @Scheduled(every = "{moshisapo.facility.outbox.prune-every}", delayed = "{moshisapo.facility.outbox.prune-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            // The next run tries again; sent rows waiting one more hour harm nobody.
            LOG.warnf("outbox pruning failed: %s", e.toString());
        }
    }

    /** Deletes every prunable row, batch by batch; returns how many went. */
    public long prune() {
        Instant cutoff = Instant.now().minus(retention);
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> outbox.deleteReplacedSentBefore(cutoff, BATCH));
            total += deleted;
        } while (deleted == BATCH);
        if (total > 0) {
            LOG.infof("outbox: pruned %d sent rows replaced by later ones and sent before %s", total, cutoff);
        }
        return total;
    }
}
