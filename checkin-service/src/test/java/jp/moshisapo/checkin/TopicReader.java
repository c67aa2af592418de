package jp.moshisapo.checkin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import java.io.IOException;
import jp.moshisapo.checkin.resident.Pseudonymizer;
import jp.moshisapo.protocol.events.EventKeyring;
import jp.moshisapo.protocol.events.Sealed;
import jp.moshisapo.protocol.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads what is really on a Kafka topic of the test broker, from the beginning up to its current end. */
public final class TopicReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicReader() {
    }

    /** Every record on {@code topic} right now that matches {@code filter}. */
    public static List<ConsumerRecord<String, String>> records(String topic, Predicate<ConsumerRecord<String, String>> filter) {
        return read(topic, new StringDeserializer(), filter);
    }

    /** Every record on {@code topic} right now as bytes, keys, values and headers as they are stored. */
    public static List<ConsumerRecord<byte[], byte[]>> raw(String topic) {
        return read(topic, new ByteArrayDeserializer(), record -> true);
    }

    private static <T> List<ConsumerRecord<T, T>> read(String topic, Deserializer<T> deserializer,
            Predicate<ConsumerRecord<T, T>> filter) {
        try (KafkaConsumer<T, T> consumer = consumer(deserializer)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<T, T>> found = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end");
                }
                for (ConsumerRecord<T, T> record : consumer.poll(Duration.ofMillis(100))) {
                    if (filter.test(record)) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    /** Records with this key (a code on checkin.visits.v1). */
    public static List<ConsumerRecord<String, String>> withKey(String topic, String key) {
        return records(topic, record -> key.equals(record.key()));
    }

    /** The VisitRecorded JSON values on checkin.visits.v1 whose sealed LINE user id opens to {@code userId}. */
    public static List<String> visitsOf(String userId) {
        return records(Topic.CHECKIN_VISITS, record -> userId.equals(openedLineUserId(record.value()))).stream()
                .map(ConsumerRecord::value).toList();
    }

    /**
     * The resident events of {@code userId} on checkin.residents.v1: keyed by the resident's pseudonym, and only
     * those whose sealed LINE user id opens to the same resident.
     */
    public static List<ConsumerRecord<String, String>> residentEventsOf(String userId) {
        String pseudonym = Arc.container().instance(Pseudonymizer.class).get().pseudonymOf(userId).hex();
        List<ConsumerRecord<String, String>> keyed = withKey(Topic.CHECKIN_RESIDENTS, pseudonym);
        keyed.forEach(record -> {
            if (!userId.equals(openedLineUserId(record.value()))) {
                throw new AssertionError("a resident event under the pseudonym key names someone else");
            }
        });
        return keyed;
    }

    /** The LINE user id sealed in a VisitRecorded or ResidentEvent JSON, or null when there is none to open. */
    public static String openedLineUserId(String eventJson) {
        try {
            JsonNode event = JSON.readTree(eventJson);
            JsonNode sealed = event.path("sealedLineUserId");
            if (!sealed.isObject()) {
                return null;
            }
            String purpose = event.has("visitId") ? EventKeyring.Purpose.VISIT_LINE_USER_ID
                    : EventKeyring.Purpose.RESIDENT_LINE_USER_ID;
            return keys().openText(new Sealed(sealed.path("keyId").asText(), sealed.path("ciphertext").asText()),
                    purpose);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The service's own event keyring (the local-only test keys). */
    public static EventKeyring keys() {
        return Arc.container().instance(EventKeyring.class).get();
    }

    private static <T> KafkaConsumer<T, T> consumer(Deserializer<T> deserializer) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, deserializer, deserializer);
    }
}
