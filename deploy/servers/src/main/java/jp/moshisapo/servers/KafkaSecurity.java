package jp.moshisapo.servers;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The production shape of the broker (Strimzi's TLS listener with SCRAM-SHA-512 and simple authorization, in
 * KRaft): the broker's listener settings and the client settings that go with them.
 */
final class KafkaSecurity {

    static final String ADMIN = "admin";
    private static final String SCRAM = "org.apache.kafka.common.security.scram.ScramLoginModule";
    private static final String PLAIN = "org.apache.kafka.common.security.plain.PlainLoginModule";

    private final TestCa ca;
    private final TestCa.Leaf broker;
    private final String adminPassword = randomSecret();
    private final String controllerPassword = randomSecret();

    KafkaSecurity(TestCa ca) {
        this.ca = ca;
        this.broker = ca.localhostLeaf("kafka-broker-" + randomSecret().substring(0, 8));
    }

    Path caCertificateFile() {
        return ca.certificateFile();
    }

    String caCertificatePem() {
        return ca.certificatePem();
    }

    /** The admin's SCRAM credential in StorageTool's {@code --add-scram} form; secrets here are hex only. */
    List<String> formatArguments() {
        return List.of("--add-scram", "SCRAM-SHA-512=[name=" + ADMIN + ",password=" + adminPassword + "]");
    }

    /**
     * Listeners and authorization: clients (and the broker itself) on a SASL_SSL listener with SCRAM-SHA-512; the
     * controller listener, reachable only inside this process pair, with PLAIN over loopback as in RECIPES.md.
     */
    String brokerProperties(int port, int controllerPort) {
        return """
                listeners=CLIENT://127.0.0.1:%d,CONTROLLER://127.0.0.1:%d
                advertised.listeners=CLIENT://127.0.0.1:%d
                inter.broker.listener.name=CLIENT
                listener.security.protocol.map=CLIENT:SASL_SSL,CONTROLLER:SASL_PLAINTEXT
                listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
                sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
                listener.name.client.scram-sha-512.sasl.jaas.config=%s
                listener.name.controller.sasl.enabled.mechanisms=PLAIN
                sasl.mechanism.controller.protocol=PLAIN
                listener.name.controller.plain.sasl.jaas.config=%s required username="%s" password="%s" user_%s="%s";
                ssl.keystore.type=PEM
                ssl.keystore.location=%s
                ssl.truststore.type=PEM
                ssl.truststore.location=%s
                authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
                super.users=User:%s
                allow.everyone.if.no.acl.found=false
                auto.create.topics.enable=false
                """.formatted(port, controllerPort, port, jaasConfig(ADMIN, adminPassword),
                PLAIN, ADMIN, controllerPassword, ADMIN, controllerPassword,
                broker.keyAndCertificateFile(), ca.certificateFile(), ADMIN);
    }

    /** What a service sets to reach the broker as {@code user}: TLS trusting the test CA, SCRAM-SHA-512. */
    Map<String, String> clientConfig(String bootstrapServers, String user, String password) {
        Map<String, String> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("security.protocol", "SASL_SSL");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", jaasConfig(user, password));
        config.put("ssl.truststore.type", "PEM");
        config.put("ssl.truststore.location", ca.certificateFile().toString());
        return config;
    }

    Map<String, String> adminConfig(String bootstrapServers) {
        return clientConfig(bootstrapServers, ADMIN, adminPassword);
    }

    /** A {@code sasl.jaas.config} value for a SCRAM login; quotes and backslashes in the secrets are escaped. */
    static String jaasConfig(String user, String password) {
        return SCRAM + " required username=\"" + escape(user) + "\" password=\"" + escape(password) + "\";";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String randomSecret() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
