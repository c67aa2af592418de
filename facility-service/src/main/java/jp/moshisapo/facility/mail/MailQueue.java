package jp.moshisapo.facility.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.URI;
import java.util.UUID;
import jp.moshisapo.facility.config.FacilityConfig;
import jp.moshisapo.facility.jdbc.AfterCommit;
import jp.moshisapo.facility.jdbc.Jdbc;

/**
 * {@code facility.mail_outbox}: {@link #enqueue} runs inside the transaction of the change that causes the mail
 * (a registration, a new management link, an approved notice), so the mail exists exactly when that change
 * committed; {@link MailRelay} sends it after the commit.
 */
@ApplicationScoped
public class MailQueue {

    private final Jdbc jdbc;
    private final TransactionSynchronizationRegistry transactions;
    private final MailSignal signal;
    private final String messageIdDomain;

    MailQueue(Jdbc jdbc, TransactionSynchronizationRegistry transactions, MailSignal signal, FacilityConfig config) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.signal = signal;
        this.messageIdDomain = config.mail().messageIdDomain()
                .orElseGet(() -> URI.create(config.publicBaseUrl()).getHost());
    }

    /**
     * Queues {@code mail} and returns its Message-ID, fixed now so that every attempt to send it carries the same
     * one (a receiver can tell a retry from a second mail).
     */
    public String enqueue(OutgoingMail mail) {
        AfterCommit.run(transactions, signal::signal);
        String messageId = "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
        jdbc.update("""
                INSERT INTO facility.mail_outbox (message_id, kind, facility_id, notice_id, recipient, subject,
                    text_body, html_body, unsubscribe_url)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                messageId, mail.kind(), mail.facilityId(), mail.noticeId(), mail.recipient(), mail.subject(),
                mail.text(), mail.html(), mail.unsubscribeUrl());
        return messageId;
    }
}
