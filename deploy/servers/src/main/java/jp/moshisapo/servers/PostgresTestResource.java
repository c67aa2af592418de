package jp.moshisapo.servers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives a Quarkus test a fresh, empty database on the shared real PostgreSQL server, split as in production: the
 * database belongs to an owner role that runs the migrations ({@code quarkus.flyway.username}), the service
 * connects as a runtime role that owns nothing ({@code quarkus.datasource.username}).
 */
public final class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = SharedServers.postgres();
        String database = "test_" + DATABASES.incrementAndGet();
        PostgresServer.Roles roles = postgres.createServiceDatabase(database, database + "_owner",
                database + "_app");
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", roles.runtime(),
                "quarkus.datasource.password", roles.runtimePassword(),
                "quarkus.flyway.username", roles.owner(),
                "quarkus.flyway.password", roles.ownerPassword());
    }

    @Override
    public void stop() {
        // the database is dropped with the server at exit
    }
}
