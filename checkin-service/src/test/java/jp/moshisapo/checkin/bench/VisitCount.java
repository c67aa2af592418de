package jp.moshisapo.checkin.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import jp.moshisapo.protocol.events.EventKeyring;
import jp.moshisapo.protocol.events.Sealed;
import jp.moshisapo.protocol.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Counts the visits really on checkin.visits.v1 against the consents the webhook accepted: each accepted consent
 * must be there exactly once (matched by resident, code and scan time), and no visit may appear twice.
 */
final class VisitCount {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The bench service's event keyring: 32 zero bytes, as published as the bench itself. */
    static final String BENCH_EVENT_KEYS = "bench:" + java.util.Base64.getEncoder().encodeToString(new byte[32]);
    private static final EventKeyring KEYS = EventKeyring.parse(BENCH_EVENT_KEYS, null);

    private final KafkaConsumer<String, String> consumer;
    private final List<TopicPartition> partitions;
    /** Occurrences per "userId|code|visitedAtMillis", and per visit id. */
    private final Map<String, Integer> byScan = new HashMap<>();
    private final Set<String> visitIds = new HashSet<>();
    private long records;
    private long duplicateVisitIds;

    VisitCount(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        partitions = consumer.partitionsFor(Topic.CHECKIN_VISITS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads on until every accepted consent has its visit or {@code deadline} passes. */
    void awaitAll(Set<String> accepted, Duration deadline) {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                count(record.value());
            }
            if (found(accepted) == accepted.size() && caughtUp()) {
                return;
            }
        }
    }

    long records() {
        return records;
    }

    long found(Set<String> accepted) {
        return accepted.stream().filter(byScan::containsKey).count();
    }

    /** Visits recorded more than once: the same scan twice, or the same visit id twice. */
    long duplicates() {
        long sameScan = byScan.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        return Math.max(sameScan, duplicateVisitIds);
    }

    /** Visits that match no accepted consent (a webhook that answered after the sender gave up on it). */
    long unmatched(Set<String> accepted) {
        return byScan.keySet().stream().filter(key -> !accepted.contains(key)).count();
    }

    void close() {
        consumer.close();
    }

    private boolean caughtUp() {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void count(String value) {
        try {
            JsonNode visit = JSON.readTree(value);
            records++;
            if (!visitIds.add(visit.get("visitId").asText())) {
                duplicateVisitIds++;
            }
            Sealed sealed = JSON.treeToValue(visit.get("sealedLineUserId"), Sealed.class);
            String key = KEYS.openText(sealed, EventKeyring.Purpose.VISIT_LINE_USER_ID) + "|"
                    + visit.get("code").asText() + "|"
                    + Instant.parse(visit.get("visitedAt").asText()).toEpochMilli();
            byScan.merge(key, 1, Integer::sum);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
