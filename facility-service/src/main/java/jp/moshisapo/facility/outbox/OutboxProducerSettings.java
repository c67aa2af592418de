package jp.moshisapo.facility.outbox;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import jp.moshisapo.facility.config.FacilityConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The outbox producer's settings: everything Quarkus collects under {@code kafka.*} (bootstrap servers, and in
 * production {@code security.protocol}, SASL and the PEM truststore from the {@code KAFKA_*} variables), plus what
 * the relay's guarantees need. Building a client from the bootstrap servers alone would leave it unable to reach a
 * SASL_SSL broker.
 */
@ApplicationScoped
public class OutboxProducerSettings {

    private final Map<String, Object> common;
    private final FacilityConfig.Outbox config;

    OutboxProducerSettings(@Identifier("default-kafka-broker") Map<String, Object> common, FacilityConfig config) {
        this.common = Map.copyOf(common);
        this.config = config.outbox();
    }

    /** A fresh, mutable copy for one producer. */
    public Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>(common);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "facility-outbox-relay");
        // acks=all + idempotence: a row is marked sent only when every in-sync replica has it, exactly once.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        int deliveryMs = (int) config.deliveryTimeout().toMillis();
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryMs);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryMs, 30_000));
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, deliveryMs);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return props;
    }
}
