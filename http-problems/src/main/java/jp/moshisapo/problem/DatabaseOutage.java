package jp.moshisapo.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means PostgreSQL cannot be reached right now (down, restarting, pool starved) rather than a
 * bug: such a request is answered 503 with Retry-After, so callers and the gateway know to try again later.
 */
public final class DatabaseOutage {

    /** How long a caller should wait before trying again while the database is unreachable. */
    public static final String RETRY_AFTER_SECONDS = "30";

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && (connectionState(sql.getSQLState())
                    // Agroal's pool gives up waiting for a connection with a plain SQLException and no SQLState.
                    || String.valueOf(sql.getMessage()).startsWith("Acquisition timeout"))) {
                return true;
            }
        }
        return false;
    }

    /** Class 08 (connection exception) and 57P01-57P03 (the server is shutting down or starting up). */
    private static boolean connectionState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P0"));
    }
}
