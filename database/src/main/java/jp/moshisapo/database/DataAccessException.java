package jp.moshisapo.database;

import java.sql.SQLException;

/**
 * A database failure, unchecked so business code does not thread SQLException through every signature. The
 * message names the statement and the SQLSTATE, never the parameters (they may be personal data).
 */
public final class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super("SQL failed (" + cause.getSQLState() + "): " + cause.getMessage(), cause);
    }

    public DataAccessException(String sql, SQLException cause) {
        super("SQL failed (" + cause.getSQLState() + "): " + sql, cause);
    }

    /** The transaction around the statements failed (its commit, say) rather than one statement. */
    public DataAccessException(String what, RuntimeException cause) {
        super(what + ": " + cause.getMessage(), cause);
    }
}
