package jp.moshisapo.checkin.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka clients of this service, built from the {@code kafka.*} settings Quarkus collects. One producer (owned by
 * {@link EventPublisher}) for everything written: durable before anyone is told it happened.
 */
@ApplicationScoped
public class KafkaClients {

    private final Map<String, Object> common;

    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> common) {
        this.common = Map.copyOf(common);
    }

    /** The producer for everything this service writes; its owner closes it. */
    public KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    /** A consumer that commits nothing by itself; {@code groupId} null means partitions are assigned by hand. */
    public KafkaConsumer<String, byte[]> consumer(String groupId, int maxPollRecords) {
        return new KafkaConsumer<>(consumerConfig(groupId, maxPollRecords), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    /**
     * The producer's settings: the shared {@code kafka.*} ones (in production SASL_SSL, SCRAM and the PEM
     * truststore from the {@code KAFKA_*} variables) plus this service's guarantees.
     */
    Map<String, Object> producerConfig() {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "checkin-service");
        // acks=all + idempotence: an event is confirmed only when every in-sync replica has it, exactly once.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // A millisecond of batching: many webhook requests share one broker round trip at a small latency cost.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 65_536);
        // send() runs on the HTTP event loop: it must never wait long for metadata or buffer space.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 1_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return config;
    }

    /** A consumer's settings: the shared {@code kafka.*} ones plus manual commits and committed reads only. */
    Map<String, Object> consumerConfig(String groupId, int maxPollRecords) {
        Map<String, Object> config = new HashMap<>(common);
        if (groupId != null) {
            config.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
            // A replica that dies without leaving the group holds its partitions until its session times out:
            // Kafka's 45 s default would answer those residents when LINE's reply tokens (about a minute) are
            // nearly spent. 10 s (3 s heartbeats) lets the survivors take over well inside it; the setting
            // kafka.session.timeout.ms overrides it.
            config.putIfAbsent(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
            config.putIfAbsent(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return config;
    }
}
