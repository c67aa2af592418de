package jp.moshisapo.notification.db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Plain JDBC over the Agroal pool for the bulk work (batch inserts, streaming cursors, DDL; see
 * docs/adr/0005-data-access.md). Every unit of work is one JTA transaction: commit on return, roll back on any
 * failure. Its connection is the one Hibernate uses in the same transaction, so a case or audit entry written
 * through its entity and the SQL beside it commit or roll back together. A unit of work started inside another
 * joins it.
 */
@ApplicationScoped
public class Db {

    /** Work on a connection that may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final AgroalDataSource dataSource;

    Db(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(Work<T> work) {
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return work.run(connection);
                } catch (SQLException e) {
                    throw new DataAccessException(e);
                }
            });
        } catch (QuarkusTransactionException e) {
            // the commit itself failed (the database went away at the very end, say): as unreachable as any other
            // statement, so callers that retry on DataAccessException retry this too
            throw new DataAccessException("the transaction could not be completed", e);
        }
    }

    /** A unit of work on entities only (cases, audit entries): the same transaction, without a connection. */
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(connection -> work.get());
    }

    /**
     * Work that manages its own transaction on a connection of its own (the audit chain's verification reads one
     * read-only snapshot, the same code the operators' command runs), so outside any unit of work.
     */
    public <T> T withOwnConnection(Work<T> work) {
        try (Connection connection = connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * A connection outside any transaction, for work that must outlive one (the fan-out leader lock) or manages
     * its own (the planner's read-only cursor). Must not be called inside a unit of work: it would hand out that
     * transaction's connection.
     */
    public Connection connection() {
        if (QuarkusTransaction.isActive()) {
            throw new IllegalStateException("a connection of its own was asked for inside a transaction");
        }
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
