package jp.moshisapo.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads the service's database the way an operator would, to see what the service did. */
public final class StoreProbe {

    private final DataSource dataSource;

    public StoreProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public long visitsOf(String code) {
        return count("SELECT count(*) FROM visit WHERE code = ?", code);
    }

    public void awaitVisits(String code, long expected) {
        await("visits of " + code + " stored").atMost(Duration.ofSeconds(60))
                .until(() -> visitsOf(code), equalTo(expected));
    }

    /** A new code of a venue, published as facility-service does, once this service knows it. */
    public String venue(String name, String room) {
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, name, room);
        awaitCode(code);
        return code;
    }

    public void awaitCode(String code) {
        await("code " + code + " known").atMost(Duration.ofSeconds(60)).until(
                () -> count("SELECT count(*) FROM code_state WHERE code = ?", code) == 1);
    }

    public String stateOf(long caseId) {
        return query("SELECT state FROM exposure_case WHERE id = ?", caseId);
    }

    public void awaitState(long caseId, String state, Duration timeout) {
        await("case " + caseId + " " + state).atMost(timeout).until(() -> stateOf(caseId), equalTo(state));
    }

    public long count(String sql, Object... params) {
        return Long.parseLong(query(sql, params));
    }

    public String query(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a statement; returns the SQLException it raised, or null when it succeeded. */
    public SQLException tryExecute(String sql) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.execute();
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    /** A session as the database's owner: the role the migrations run as, which a DB administrator holds. */
    public static Connection owner() throws SQLException {
        var config = ConfigProvider.getConfig();
        Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class)
                + "?currentSchema=notification", config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
        c.setAutoCommit(true);
        return c;
    }
}
