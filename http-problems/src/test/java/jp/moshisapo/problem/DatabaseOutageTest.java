package jp.moshisapo.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** A request that fails because PostgreSQL is unreachable is answered "try again later" (503), not "bug" (500). */
class DatabaseOutageTest {

    @Test
    void anUnreachableOrRestartingDatabaseIsAnOutage() {
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException("Connection to 127.0.0.1:5432 refused", "08001"))));
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException("An I/O error occurred", "08006"))));
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException("terminating connection due to administrator "
                + "command", "57P01"))));
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException("the database system is starting up",
                "57P03"))));
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLTransientConnectionException("pool closed"))));
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException(
                "Acquisition timeout while waiting for new connection"))));
        assertTrue(DatabaseOutage.causedBy(wrapped(new SQLException("Exception while creating new connection",
                new SQLException("Connection refused", "08001")))));
    }

    @Test
    void aFailingStatementOrABugIsNoOutage() {
        assertFalse(DatabaseOutage.causedBy(wrapped(new SQLException("duplicate key value", "23505"))));
        assertFalse(DatabaseOutage.causedBy(wrapped(new SQLException("syntax error", "42601"))));
        assertFalse(DatabaseOutage.causedBy(new IllegalStateException("a bug")));
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("while storing", cause);
    }
}
