package jp.moshisapo.facility.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import jp.moshisapo.facility.jdbc.AfterCommit;
import jp.moshisapo.facility.jdbc.Jdbc;

/**
 * {@code facility.outbox}: {@link #append} runs inside the caller's transaction, so a row exists exactly when
 * the change it announces was committed.
 */
@ApplicationScoped
public class OutboxRepository {

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
        jdbc.update("INSERT INTO facility.outbox (topic, message_key, payload) VALUES (?, ?, ?)", topic, key, payload);
    }

    /** The oldest unsent rows, in the order they were written. */
    List<OutboxMessage> unsent(int limit) {
        return jdbc.list("""
                SELECT id, topic, message_key, payload FROM facility.outbox
                WHERE sent_at IS NULL ORDER BY id LIMIT ?""",
                row -> new OutboxMessage(row.getLong(1), row.getString(2), row.getString(3), row.getString(4)),
                limit);
    }

    long countUnsent() {
        return jdbc.one("SELECT count(*) FROM facility.outbox WHERE sent_at IS NULL", row -> row.getLong(1)).orElse(0L);
    }

    void markSent(List<Long> ids) {
        String array = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        jdbc.update("UPDATE facility.outbox SET sent_at = now() WHERE id = ANY (?::bigint[])", array);
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
