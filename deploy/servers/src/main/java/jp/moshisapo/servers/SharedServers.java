package jp.moshisapo.servers;

/**
 * One Kafka, PostgreSQL, Keycloak and SMTP server per test JVM, started on first use and stopped when the JVM exits: test
 * classes share them (each gets its own database), which keeps a module's test run to one start of each.
 */
public final class SharedServers {

    private static KafkaServer kafka;
    private static PostgresServer postgres;
    private static KeycloakServer keycloak;
    private static MailServer mail;

    private SharedServers() {
    }

    public static synchronized KafkaServer kafka() {
        if (kafka == null) {
            kafka = KafkaServer.start();
            kafka.createTopics(Topics.ALL);
            closeAtExit(kafka);
        }
        return kafka;
    }

    public static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = PostgresServer.start();
            closeAtExit(postgres);
        }
        return postgres;
    }

    public static synchronized KeycloakServer keycloak() {
        if (keycloak == null) {
            keycloak = KeycloakServer.start();
            closeAtExit(keycloak);
        }
        return keycloak;
    }

    public static synchronized MailServer mail() {
        if (mail == null) {
            mail = MailServer.start();
            closeAtExit(mail);
        }
        return mail;
    }

    private static void closeAtExit(AutoCloseable server) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("could not stop " + server + ": " + e);
            }
        }, "close-shared-server"));
    }
}
