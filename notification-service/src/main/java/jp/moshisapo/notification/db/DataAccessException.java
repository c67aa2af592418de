package jp.moshisapo.notification.db;

import java.sql.SQLException;

/** A database failure, unchecked so business code does not thread SQLException through every signature. */
public final class DataAccessException extends RuntimeException {

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public DataAccessException(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
