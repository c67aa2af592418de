package jp.moshisapo.servers;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * The two limits that keep a pooled PostgreSQL connection from hanging, as a connection of {@code dataSource}
 * carries them: the server's {@code statement_timeout} ({@code "1min"}) and the driver's network timeout in
 * milliseconds. Each service's {@code DatabaseTimeoutsIT} compares them with what its configuration promises.
 */
public record ConnectionTimeouts(String statementTimeout, int networkTimeoutMillis) {

    public static ConnectionTimeouts of(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            return new ConnectionTimeouts(rs.getString(1), c.getNetworkTimeout());
        }
    }
}
