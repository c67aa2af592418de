package jp.moshisapo.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TlsPostgresServerIT {

    private static final String ROLE = "facility";
    private static final String PASSWORD = "facility-secret";

    private static PostgresServer postgres;

    @BeforeAll
    static void startServer() {
        postgres = PostgresServer.startTls(TestCa.create());
        postgres.createRole(ROLE, PASSWORD);
        postgres.createDatabase(ROLE, ROLE);
    }

    @AfterAll
    static void stopServer() {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theServiceRoleConnectsWithVerifyFullToItsOwnDatabaseAcrossARestart() throws SQLException {
        try (Connection c = connect(postgres.verifyFullJdbcUrl(ROLE), PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE venue (name text); INSERT INTO venue VALUES ('〇〇会館')");
        }
        postgres.restart();

        try (Connection c = connect(postgres.verifyFullJdbcUrl(ROLE), PASSWORD)) {
            assertEquals("〇〇会館", queryOne(c, "SELECT name FROM venue"));
            assertEquals("t", queryOne(c, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"));
        }
    }

    @Test
    void aConnectionWithoutTlsIsRefused() {
        String plain = "jdbc:postgresql://localhost:" + postgres.port() + "/" + ROLE + "?sslmode=disable";
        SQLException e = assertThrows(SQLException.class, () -> connect(plain, PASSWORD).close());
        assertTrue(e.getMessage().contains("no encryption"), e.getMessage());
    }

    @Test
    void aWrongPasswordIsRefused() {
        SQLException e = assertThrows(SQLException.class,
                () -> connect(postgres.verifyFullJdbcUrl(ROLE), "not-the-password").close());
        assertTrue(e.getMessage().contains("password authentication failed"), e.getMessage());
    }

    @Test
    void theServiceRoleIsNeitherSuperuserNorAllowedToCreateDatabases() throws SQLException {
        try (Connection c = connect(postgres.verifyFullJdbcUrl(ROLE), PASSWORD); Statement s = c.createStatement()) {
            assertEquals("f", queryOne(c, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"));
            SQLException e = assertThrows(SQLException.class, () -> s.execute("CREATE DATABASE other"));
            assertTrue(e.getMessage().contains("permission denied to create database"), e.getMessage());
        }
    }

    private static Connection connect(String url, String password) throws SQLException {
        return DriverManager.getConnection(url, ROLE, password);
    }

    private static String queryOne(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
