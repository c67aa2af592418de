package jp.moshisapo.checkin.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Production sets the Kafka security settings through {@code KAFKA_*} variables (Strimzi's SASL_SSL listener): the
 * producer and every consumer this service builds must carry them.
 */
@QuarkusTest
@TestProfile(KafkaClientSettingsIT.SecuritySettings.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class KafkaClientSettingsIT {

    /** Settings a PLAINTEXT test broker accepts, yet absent from any client built from bootstrap servers alone. */
    public static final class SecuritySettings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.security.protocol", "PLAINTEXT", "kafka.sasl.mechanism", "SCRAM-SHA-512");
        }
    }

    @Inject
    KafkaClients clients;

    @Test
    void everyClientCarriesTheConfiguredSecuritySettings() {
        List<Map<String, Object>> configs = List.of(clients.producerConfig(), clients.consumerConfig("g", 10),
                clients.consumerConfig(null, 10));
        for (Map<String, Object> config : configs) {
            assertEquals("PLAINTEXT", config.get("security.protocol"), config.toString());
            assertEquals("SCRAM-SHA-512", config.get("sasl.mechanism"), config.toString());
        }
    }
}
