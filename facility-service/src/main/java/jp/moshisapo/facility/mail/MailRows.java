package jp.moshisapo.facility.mail;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import jp.moshisapo.facility.jdbc.Jdbc;

/** The relay's side of {@code facility.mail_outbox}. Every method runs in the relay's own transaction. */
@ApplicationScoped
class MailRows {

    /** The relay's advisory lock ("MAILRLAY"): one instance sends at a time, so the rate holds for all. */
    private static final long RELAY_LOCK = 0x4D_41_49_4C_52_4C_41_59L;

    private final Jdbc jdbc;

    MailRows(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    boolean tryRelayLock() {
        return jdbc.one("SELECT pg_try_advisory_xact_lock(?)", row -> row.getBoolean(1), RELAY_LOCK).orElse(false);
    }

    /** The oldest pending mail that is due, locked until the transaction ends. */
    Optional<QueuedMail> nextDue() {
        return jdbc.one("""
                SELECT id, message_id, recipient, subject, text_body, html_body, unsubscribe_url, attempts
                FROM facility.mail_outbox
                WHERE status = 'PENDING' AND next_attempt_at <= now()
                ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""",
                row -> new QueuedMail(row.getLong(1), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getString(7), row.getInt(8)));
    }

    /**
     * Records the final outcome and forgets both bodies: a registration's or recovery's body holds a management
     * link, which must not rest in the database once it has left (or cannot leave).
     */
    void finish(long id, MailStatus status, String answer) {
        jdbc.update("""
                UPDATE facility.mail_outbox SET status = ?, attempts = attempts + 1, sent_at = now(),
                    last_error = ?, text_body = NULL, html_body = NULL
                WHERE id = ?""", status, answer, id);
    }

    /** Keeps the mail pending and tries it again after {@code delay} (other mail may go first meanwhile). */
    void postpone(long id, Duration delay, String error) {
        jdbc.update("""
                UPDATE facility.mail_outbox SET attempts = attempts + 1, last_error = ?,
                    next_attempt_at = now() + ? * interval '1 millisecond'
                WHERE id = ?""", error, delay.toMillis(), id);
    }

    long countPending() {
        return jdbc.one("SELECT count(*) FROM facility.mail_outbox WHERE status = 'PENDING'", row -> row.getLong(1))
                .orElse(0L);
    }
}
