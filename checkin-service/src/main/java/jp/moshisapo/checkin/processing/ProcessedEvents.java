package jp.moshisapo.checkin.processing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import jp.moshisapo.checkin.db.ChunkedDelete;

/**
 * The {@code processed_webhook_events} table: LINE redelivers an event with the same webhookEventId when it
 * missed our answer, and such an event must neither record a second visit nor get a second reply.
 */
@ApplicationScoped
public class ProcessedEvents {


    private final AgroalDataSource dataSource;

    ProcessedEvents(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Marks the events processed in the caller's transaction and returns those that were not processed before.
     * The mark commits with the rest of the batch's work, so a failed batch is processed again in full.
     */
    public Set<String> claim(Connection connection, Collection<String> webhookEventIds, Instant now)
            throws SQLException {
        Set<String> fresh = new HashSet<>();
        if (webhookEventIds.isEmpty()) {
            return fresh;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO processed_webhook_events (webhook_event_id, processed_at)
                SELECT id, ? FROM unnest(?::text[]) AS id
                ON CONFLICT (webhook_event_id) DO NOTHING
                RETURNING webhook_event_id
                """)) {
            insert.setTimestamp(1, Timestamp.from(now));
            insert.setArray(2, connection.createArrayOf("text", webhookEventIds.toArray()));
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    fresh.add(rows.getString(1));
                }
            }
        }
        return fresh;
    }

    /** Retention: forgets events processed before {@code cutoff}; LINE stopped redelivering them long ago. */
    public long deleteProcessedBefore(Instant cutoff) throws SQLException {
        return ChunkedDelete.olderThan(dataSource, "processed_webhook_events", "webhook_event_id", "processed_at", cutoff);
    }
}
