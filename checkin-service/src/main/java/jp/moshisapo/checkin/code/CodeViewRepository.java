package jp.moshisapo.checkin.code;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;

/** The {@code code_view} table: this service's copy of facility.codes.v1, with the offsets it reflects. */
@ApplicationScoped
public class CodeViewRepository {

    private static final String SELECT = "SELECT code, status, facility_id, facility_name, room FROM code_view ";

    private final AgroalDataSource dataSource;

    CodeViewRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Optional<CodeEntry> find(PrintedCode code) {
        try (Connection connection = dataSource.getConnection()) {
            return Optional.ofNullable(find(connection, List.of(code)).get(code));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the code view", e);
        }
    }

    /** The known codes among {@code codes}, in one query. */
    public Map<PrintedCode, CodeEntry> find(Connection connection, Collection<PrintedCode> codes)
            throws SQLException {
        Map<PrintedCode, CodeEntry> found = new HashMap<>();
        if (codes.isEmpty()) {
            return found;
        }
        try (PreparedStatement select = connection.prepareStatement(SELECT + "WHERE code = ANY (?)")) {
            Array array = connection.createArrayOf("text", codes.stream().map(PrintedCode::canonical).toArray());
            select.setArray(1, array);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    CodeEntry entry = new CodeEntry(new PrintedCode(rows.getString(1)),
                            CodeState.Status.valueOf(rows.getString(2)), rows.getObject(3, UUID.class),
                            rows.getString(4), rows.getString(5));
                    found.put(entry.code(), entry);
                }
            }
        }
        return found;
    }

    /** Next offset to read per partition, as committed with the rows. */
    public Map<Integer, Long> offsets() {
        Map<Integer, Long> offsets = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT kafka_partition, next_offset FROM code_view_offsets");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                offsets.put(rows.getInt(1), rows.getLong(2));
            }
            return offsets;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the code view offsets", e);
        }
    }

    /**
     * Applies code states in offset order and moves the offsets, in one transaction: the view never reflects half
     * a batch, and a restart continues exactly after the last applied record. A null state is a tombstone.
     */
    public void apply(List<Change> changes, Map<Integer, Long> nextOffsets) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                for (Change change : changes) {
                    if (change.state() == null) {
                        delete(connection, change.code());
                    } else {
                        upsert(connection, change.state());
                    }
                }
                saveOffsets(connection, nextOffsets);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot update the code view", e);
        }
    }

    /** One record of facility.codes.v1: the key's code, and its state (null for a tombstone). */
    public record Change(String code, CodeState state) {
    }

    private static void upsert(Connection connection, CodeState state) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO code_view (code, status, facility_id, facility_name, room, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET status = excluded.status, facility_id = excluded.facility_id,
                    facility_name = excluded.facility_name, room = excluded.room, occurred_at = excluded.occurred_at
                """)) {
            upsert.setString(1, state.code());
            upsert.setString(2, state.status().name());
            upsert.setObject(3, state.facilityId());
            upsert.setString(4, state.facilityName());
            upsert.setString(5, state.room());
            upsert.setTimestamp(6, Timestamp.from(state.occurredAt()));
            upsert.executeUpdate();
        }
    }

    private static void delete(Connection connection, String code) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM code_view WHERE code = ?")) {
            delete.setString(1, code);
            delete.executeUpdate();
        }
    }

    private static void saveOffsets(Connection connection, Map<Integer, Long> nextOffsets) throws SQLException {
        try (PreparedStatement save = connection.prepareStatement("""
                INSERT INTO code_view_offsets (kafka_partition, next_offset) VALUES (?, ?)
                ON CONFLICT (kafka_partition) DO UPDATE
                    SET next_offset = GREATEST(code_view_offsets.next_offset, excluded.next_offset)
                """)) {
            for (Map.Entry<Integer, Long> offset : nextOffsets.entrySet()) {
                save.setInt(1, offset.getKey());
                save.setLong(2, offset.getValue());
                save.addBatch();
            }
            save.executeBatch();
        }
    }
}
