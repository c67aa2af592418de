package jp.moshisapo.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Production sets the Kafka security settings through {@code KAFKA_*} variables (Strimzi's SASL_SSL listener): the
 * consumer of every channel this service reads must carry them.
 */
@QuarkusTest
@TestProfile(KafkaClientSettingsIT.SecuritySettings.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
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
    KafkaClientService kafka;

    @Test
    void everyChannelsConsumerCarriesTheConfiguredSecuritySettings() {
        for (String channel : List.of("visits", "residents", "codes")) {
            KafkaConsumer<Object, Object> consumer = kafka.getConsumer(channel);
            assertNotNull(consumer, channel);
            Map<String, ?> config = consumer.configuration();
            assertEquals("PLAINTEXT", config.get("security.protocol"), channel);
            assertEquals("SCRAM-SHA-512", config.get("sasl.mechanism"), channel);
        }
    }
}
