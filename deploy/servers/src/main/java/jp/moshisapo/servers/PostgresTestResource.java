package jp.moshisapo.servers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Gives a Quarkus test a fresh, empty database on the shared real PostgreSQL server. */
public final class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @Override
    public Map<String, String> start() {
        PostgresServer postgres = SharedServers.postgres();
        String database = "test_" + DATABASES.incrementAndGet();
        postgres.createDatabase(database);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", PostgresServer.USER,
                "quarkus.datasource.password", PostgresServer.PASSWORD);
    }

    @Override
    public void stop() {
        // the database is dropped with the server at exit
    }
}
