package jp.moshisapo.checkin.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Deletes the rows of a table older than a cutoff in chunks of 10,000, each its own statement, so the retention
 * job never holds locks on millions of rows while webhooks write to the same table.
 */
public final class ChunkedDelete {

    private static final int CHUNK = 10_000;

    private ChunkedDelete() {
    }

    /** Table and column names are the caller's constants, never input. Returns how many rows went. */
    public static long olderThan(DataSource dataSource, String table, String idColumn, String timeColumn,
            Instant cutoff) throws SQLException {
        long deleted = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE " + idColumn
                        + " IN (SELECT " + idColumn + " FROM " + table + " WHERE " + timeColumn + " < ? LIMIT ?)")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            delete.setInt(2, CHUNK);
            int rows;
            do {
                rows = delete.executeUpdate();
                deleted += rows;
            } while (rows == CHUNK);
        }
        return deleted;
    }
}
