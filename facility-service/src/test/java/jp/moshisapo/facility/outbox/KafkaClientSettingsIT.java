package jp.moshisapo.facility.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Production sets the Kafka security settings through {@code KAFKA_*} variables (Strimzi's SASL_SSL listener): every
 * client this service builds must carry them, or the first venue's codes never reach check-in.
 */
@QuarkusTest
@TestProfile(KafkaClientSettingsIT.SecuritySettings.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class KafkaClientSettingsIT {

    /** Settings a PLAINTEXT test broker accepts, yet absent from any client built from bootstrap servers alone. */
    public static final class SecuritySettings implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.security.protocol", "PLAINTEXT", "kafka.sasl.mechanism", "SCRAM-SHA-512");
        }
    }

    @Inject
    OutboxProducerSettings outboxProducer;

    @Test
    void theOutboxProducerCarriesTheConfiguredSecuritySettings() {
        Map<String, Object> config = outboxProducer.producerConfig();
        assertEquals("PLAINTEXT", config.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", config.get("sasl.mechanism"));
        assertEquals("all", config.get("acks"), "the relay's own guarantees stay");
    }
}
