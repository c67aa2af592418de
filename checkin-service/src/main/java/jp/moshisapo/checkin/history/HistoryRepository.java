package jp.moshisapo.checkin.history;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import jp.moshisapo.checkin.db.ChunkedDelete;
import jp.moshisapo.checkin.resident.Pseudonym;

/** The {@code resident_visits} table: each resident's own visits, under their pseudonym, for 14 days. */
@ApplicationScoped
public class HistoryRepository {

    /** Rows deleted per statement by the retention job, so no delete holds locks for long. */

    private final AgroalDataSource dataSource;

    HistoryRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Which of these visits are recorded already. */
    public Set<UUID> recorded(Connection connection, Collection<UUID> visitIds) throws SQLException {
        Set<UUID> recorded = new HashSet<>();
        if (visitIds.isEmpty()) {
            return recorded;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT visit_id FROM resident_visits WHERE visit_id = ANY (?)")) {
            select.setArray(1, connection.createArrayOf("uuid", visitIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    recorded.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return recorded;
    }

    public void add(Connection connection, List<Visit> visits) throws SQLException {
        if (visits.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO resident_visits (visit_id, resident, code, facility_name, room, visited_at)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (visit_id) DO NOTHING
                """)) {
            for (Visit visit : visits) {
                HistoryEntry entry = visit.entry();
                insert.setObject(1, entry.visitId());
                insert.setBytes(2, visit.resident().bytes());
                insert.setString(3, entry.code());
                insert.setString(4, entry.facilityName());
                insert.setString(5, entry.room());
                insert.setTimestamp(6, Timestamp.from(entry.visitedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Newest first. */
    public List<HistoryEntry> since(Connection connection, Pseudonym resident, Instant since) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT visit_id, code, facility_name, room, visited_at FROM resident_visits
                WHERE resident = ? AND visited_at >= ? ORDER BY visited_at DESC, visit_id
                """)) {
            select.setBytes(1, resident.bytes());
            select.setTimestamp(2, Timestamp.from(since));
            List<HistoryEntry> entries = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    entries.add(new HistoryEntry(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getTimestamp(5).toInstant()));
                }
            }
            return entries;
        }
    }

    public int erase(Connection connection, Pseudonym resident) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM resident_visits WHERE resident = ?")) {
            delete.setBytes(1, resident.bytes());
            return delete.executeUpdate();
        }
    }

    /** Retention: deletes visits older than {@code cutoff}, in chunks; returns how many. */
    public long deleteVisitedBefore(Instant cutoff) throws SQLException {
        return ChunkedDelete.olderThan(dataSource, "resident_visits", "visit_id", "visited_at", cutoff);
    }

    /** A visit to add to a resident's history. */
    public record Visit(Pseudonym resident, HistoryEntry entry) {
    }
}
