package jp.moshisapo.notification.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.notification.ServiceProcess;
import jp.moshisapo.servers.KafkaServer;
import jp.moshisapo.servers.KeycloakServer;
import jp.moshisapo.servers.PostgresServer;
import jp.moshisapo.servers.Topics;

/**
 * Private servers for one benchmark run (nothing shared with tests or the local stack) and the packaged service
 * pointed at them. Everything stops on close.
 */
final class BenchStack implements AutoCloseable {

    static final String DATABASE = "notification_bench";

    final PostgresServer postgres;
    final KafkaServer kafka;
    final KeycloakServer keycloak;
    final LineSimulator line;
    private ServiceProcess service;

    private BenchStack(boolean withKeycloak) {
        long t = System.nanoTime();
        postgres = PostgresServer.start();
        postgres.createDatabase(DATABASE);
        kafka = KafkaServer.start();
        kafka.createTopics(Topics.ALL);
        keycloak = withKeycloak ? KeycloakServer.start() : null;
        line = LineSimulator.start(LineSimulatorConfig.defaults());
        System.out.printf("servers up in %.1f s%n", (System.nanoTime() - t) / 1e9);
    }

    static BenchStack start(boolean withKeycloak) {
        return new BenchStack(withKeycloak);
    }

    ServiceProcess startService(Map<String, String> settings) {
        // the packaged service in its production profile: the required settings with local-only values, as ./run-local
        Map<String, String> env = new HashMap<>(ServiceProcess.localRequiredSettings(line.config().channelAccessToken()));
        env.putAll(settings);
        env.put("NOTIFICATION_DB_URL", postgres.jdbcUrl(DATABASE));
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("OIDC_AUTH_SERVER_URL", keycloak != null ? keycloak.realmUrl() : "http://127.0.0.1:9/realms/none");
        env.put("LINE_API_BASE_URL", line.baseUrl().toString());
        long t = System.nanoTime();
        service = ServiceProcess.start(env, "bench-service");
        System.out.printf("service ready in %.1f s%n", (System.nanoTime() - t) / 1e9);
        return service;
    }

    Connection sql() throws SQLException {
        Connection c = DriverManager.getConnection(postgres.jdbcUrl(DATABASE) + "?currentSchema=notification",
                PostgresServer.USER, PostgresServer.PASSWORD);
        c.setAutoCommit(true);
        return c;
    }

    String token(String user) {
        return keycloak.accessToken(user, user);
    }

    static void printLoad() {
        try {
            System.out.println("load average: " + String.join(" ",
                    List.of(java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim().split(" ")).subList(0, 3))
                    + " (2 cores)");
        } catch (java.io.IOException e) {
            System.out.println("load average: unknown");
        }
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        line.close();
        if (keycloak != null) {
            keycloak.close();
        }
        kafka.close();
        postgres.close();
    }
}
