package jp.moshisapo.database;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Plain SQL over the service's Agroal pool, for the work an ORM would only get in the way of (batch inserts,
 * streaming cursors, DDL, search, statistics, advisory locks; docs/adr/0005-data-access.md). Inside a JTA
 * transaction Agroal hands every {@code getConnection()} the one connection enlisted in it, the one Hibernate uses
 * too, so entity changes and these statements commit or roll back together. Each service makes its bean of this
 * class ({@code @Singleton}, constructed with its datasource).
 */
public class Database {

    /** Work on a connection that may throw SQLException. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Reads one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    protected Database(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs {@code work} as one unit of work: a JTA transaction (joining one already running), committed on return,
     * rolled back on any failure. The connection handed over is the transaction's.
     */
    public <T> T inTransaction(Work<T> work) {
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                beforeStatement();
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

    /** A unit of work on entities only: the same transaction, without a connection. */
    public <T> T inTransaction(Supplier<T> work) {
        return inTransaction(connection -> work.get());
    }

    /**
     * Work that manages its own transaction on a connection of its own (a read-only snapshot, a cursor, a session
     * lock), so outside any unit of work.
     */
    public <T> T withOwnConnection(Work<T> work) {
        try (Connection connection = connection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * A connection outside any transaction, for work that must outlive one (a leader's session lock). Refused
     * inside a unit of work: it would hand out that transaction's connection.
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

    /** Runs a query, in the caller's transaction if there is one, and maps every row. */
    public <T> List<T> list(String sql, RowMapper<T> mapper, Object... params) {
        beforeStatement();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, params);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(mapper.map(rows));
            }
            return result;
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    /** At most one row; more is a bug in the statement. */
    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(sql, mapper, params);
        if (rows.size() > 1) {
            throw new IllegalStateException("more than one row for " + sql);
        }
        return rows.stream().findFirst();
    }

    /** Runs an INSERT/UPDATE/DELETE, in the caller's transaction if there is one; the number of rows it changed. */
    public int update(String sql, Object... params) {
        beforeStatement();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DataAccessException(sql, e);
        }
    }

    /**
     * Called before each statement and unit of work in a transaction: a service whose entities and SQL meet in
     * one transaction flushes Hibernate's pending changes here, so the SQL sees them.
     */
    protected void beforeStatement() {
    }

    /** A {@code timestamptz} column as an Instant (null stays null). */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, jdbcValue(params[i]));
        }
        return statement;
    }

    private static Object jdbcValue(Object value) {
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        return value;
    }
}
