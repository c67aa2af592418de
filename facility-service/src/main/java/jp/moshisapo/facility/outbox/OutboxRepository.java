package jp.moshisapo.facility.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import jp.moshisapo.facility.jdbc.AfterCommit;
import jp.moshisapo.facility.jdbc.Jdbc;

/**
 * {@code facility.outbox}: {@link #append} runs inside the caller's transaction, so a row exists exactly when
 * the change it announces was committed. Rows are entities; the relay's and the pruner's advisory locks and the
 * pruner's bulk delete are plain SQL in the same transaction.
 */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEntry, Long> {

    /** Arbitrary but fixed: the advisory lock id of the relay ("FACILITY" in ASCII). */
    private static final long RELAY_LOCK = 0x46_41_43_49_4C_49_54_59L;
    /** The pruner's own advisory lock ("FACPRUNE"): never the relay's, see OutboxPruner. */
    private static final long PRUNE_LOCK = 0x46_41_43_50_52_55_4E_45L;

    private final Jdbc jdbc;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxSignal signal;

    OutboxRepository(Jdbc jdbc, TransactionSynchronizationRegistry transactions, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.signal = signal;
    }

    /** Adds a record to publish; must run in a transaction (the relay is woken once it commits). */
    public void append(String topic, String key, String payload) {
        AfterCommit.run(transactions, signal::signal);
        persist(OutboxEntry.unsent(topic, key, payload));
    }

    /** The oldest unsent rows, in the order they were written (read as values: the relay changes none of them). */
    List<OutboxMessage> unsent(int limit) {
        return getEntityManager().createQuery("""
                        select new jp.moshisapo.facility.outbox.OutboxMessage(o.id, o.topic, o.messageKey, o.payload)
                        from OutboxEntry o where o.sentAt is null order by o.id""", OutboxMessage.class)
                .setMaxResults(limit)
                .getResultList();
    }

    long countUnsent() {
        return count("sentAt is null");
    }

    /** Marks the rows sent at the database's clock, in one statement. */
    void markSent(List<Long> ids) {
        update("sentAt = current_timestamp where id in ?1", ids);
    }

    /**
     * Deletes up to {@code limit} rows sent before {@code cutoff} for which a later row of the same code exists;
     * 0 when another instance is pruning. Unsent rows and each code's newest row are never touched.
     */
    int deleteReplacedSentBefore(Instant cutoff, int limit) {
        if (!jdbc.one("SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), PRUNE_LOCK).orElse(false)) {
            return 0;
        }
        return jdbc.update("""
                DELETE FROM facility.outbox WHERE id IN (
                    SELECT o.id FROM facility.outbox o
                    WHERE o.sent_at < ?
                      AND EXISTS (SELECT 1 FROM facility.outbox later
                                  WHERE later.topic = o.topic AND later.message_key = o.message_key
                                    AND later.id > o.id)
                    ORDER BY o.id LIMIT ?)""", cutoff, limit);
    }

    /** Only one relay may publish at a time, or two instances could reorder a code's events. */
    boolean tryRelayLock() {
        return jdbc.one("SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), RELAY_LOCK).orElse(false);
    }
}
