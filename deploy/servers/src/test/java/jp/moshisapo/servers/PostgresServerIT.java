package jp.moshisapo.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerIT {

    @Test
    void committedRowsSurviveARestartAndDatabasesAreSeparate() throws SQLException {
        try (PostgresServer postgres = PostgresServer.start()) {
            postgres.createDatabase("facility");
            postgres.createDatabase("notification");
            execute(postgres, "facility", "CREATE TABLE venue (name text); INSERT INTO venue VALUES ('〇〇会館')");

            postgres.restart();

            assertEquals("〇〇会館", queryOne(postgres, "facility", "SELECT name FROM venue"));
            assertEquals("0", queryOne(postgres, "notification",
                    "SELECT count(*) FROM pg_tables WHERE tablename = 'venue'"));
        }
    }

    @Test
    void closingTheServerFreesItsPort() {
        PostgresServer postgres = PostgresServer.start();
        int port = postgres.port();
        postgres.close();
        assertFalse(Ports.isOpen(port));
    }

    private static void execute(PostgresServer postgres, String db, String sql) throws SQLException {
        try (Connection c = connect(postgres, db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String queryOne(PostgresServer postgres, String db, String sql) throws SQLException {
        try (Connection c = connect(postgres, db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(PostgresServer postgres, String db) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(db), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
