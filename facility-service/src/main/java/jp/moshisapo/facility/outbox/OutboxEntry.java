package jp.moshisapo.facility.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code facility.outbox}: one record to publish, written in the transaction of the change it announces.
 * The payload is kept as text, so the bytes published are exactly the bytes written; {@code created_at} is the
 * database's own default and not mapped.
 */
@Entity
@Table(schema = "facility", name = "outbox")
public class OutboxEntry {

    /** The bigserial: the relay publishes in this order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "message_key")
    public String messageKey;

    public String payload;

    @Column(name = "sent_at")
    public Instant sentAt;

    static OutboxEntry unsent(String topic, String key, String payload) {
        OutboxEntry row = new OutboxEntry();
        row.topic = topic;
        row.messageKey = key;
        row.payload = payload;
        return row;
    }
}
