package jp.moshisapo.checkin.processing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import jp.moshisapo.checkin.db.ChunkedDelete;
import jp.moshisapo.checkin.kafka.EventKeys;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The {@code poison_event} table: webhook events whose processing failed on their own every time, set aside so the
 * other residents of their partition are answered. Operators find them here (and by the metric and one log line),
 * read the event from Kafka by its offset while the topic still has it (24 h), fix the cause and, if the resident
 * still needs it, ask them to scan again. Rows go after {@code moshisapo.checkin.poison.retention} (RetentionJob).
 */
@ApplicationScoped
@Startup // the counter exists (at 0) from the start, so a rate() or an alert sees 0 rather than no data
public class PoisonEvents {

    private static final Logger LOG = Logger.getLogger(PoisonEvents.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgroalDataSource dataSource;
    private final Counter parked;
    private final EventKeys keys;

    PoisonEvents(AgroalDataSource dataSource, MeterRegistry registry, EventKeys keys) {
        this.dataSource = dataSource;
        this.keys = keys;
        this.parked = Counter.builder("moshisapo.checkin.events.parked")
                .description("Webhook events set aside in poison_event after failing on their own").register(registry);
    }

    /** Deletes rows parked before {@code cutoff}; returns how many went. */
    public long deleteParkedBefore(Instant cutoff) throws SQLException {
        return ChunkedDelete.olderThan(dataSource, "poison_event", "id", "parked_at", cutoff);
    }

    /** Records the event durably; throws {@link BatchFailedException} when the database cannot take it. */
    void park(ConsumerRecord<String, byte[]> record, int attempts, Throwable failure) {
        String webhookEventId = webhookEventId(record.value());
        String error = Failures.classes(failure);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO poison_event (webhook_event_id, topic, kafka_partition, kafka_offset, error,
                                                  attempts, parked_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING
                        """)) {
            connection.setAutoCommit(true);
            insert.setString(1, webhookEventId);
            insert.setString(2, record.topic());
            insert.setInt(3, record.partition());
            insert.setLong(4, record.offset());
            insert.setString(5, error);
            insert.setInt(6, attempts);
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new BatchFailedException("cannot park a poison event", e);
        }
        parked.increment();
        LOG.errorf("parked webhook event %s at %s-%d@%d after %d attempts: %s", webhookEventId, record.topic(),
                record.partition(), record.offset(), attempts, error);
    }

    /** LINE's id of the event (opaque, not personal), or null when the value cannot be opened or read. */
    private String webhookEventId(byte[] value) {
        try {
            return JSON.readTree(keys.openWebhookEvent(value)).path("webhookEventId").asText(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
