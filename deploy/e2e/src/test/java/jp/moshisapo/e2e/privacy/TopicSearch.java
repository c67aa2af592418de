package jp.moshisapo.e2e.privacy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads every topic of a Kafka cluster from the beginning, the broker's internal ones included (consumer offsets
 * can carry group and member names), and looks for traces of residents in every record's key, value and headers
 * (names and values), byte-wise: whatever the serialisation, an identifier written in clear is in the bytes.
 * No consumer group: the search commits nothing and leaves no trace of its own.
 */
public final class TopicSearch {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    /** What a search covered: the topics read and how many records. */
    public record Result(List<Finding> findings, List<String> topics, long records) {
    }

    private final String bootstrapServers;

    public TopicSearch(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public Result search(List<Trace> traces) {
        List<TopicPartition> partitions = partitions();
        Map<String, Long> hits = new LinkedHashMap<>();
        Map<String, Trace> traceOf = new LinkedHashMap<>();
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!readToEnd(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read every topic to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records++;
                    String topic = "topic " + record.topic() + " ";
                    check(topic + "key", record.key(), traces, hits, traceOf);
                    check(topic + "value", record.value(), traces, hits, traceOf);
                    for (Header header : record.headers()) {
                        check(topic + "header " + header.key(), header.key().getBytes(
                                java.nio.charset.StandardCharsets.UTF_8), traces, hits, traceOf);
                        check(topic + "header " + header.key(), header.value(), traces, hits, traceOf);
                    }
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        hits.forEach((key, count) -> findings.add(new Finding(key.substring(0, key.indexOf('\u0000')),
                traceOf.get(key), count)));
        return new Result(findings, partitions.stream().map(TopicPartition::topic).distinct().sorted().toList(),
                records);
    }

    private static boolean readToEnd(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static void check(String place, byte[] data, List<Trace> traces, Map<String, Long> hits,
            Map<String, Trace> traceOf) {
        if (data == null) {
            return;
        }
        for (Trace trace : traces) {
            if (Bytes.contains(data, trace.bytes())) {
                String key = place + '\u0000' + trace.resident() + '\u0000' + trace.form();
                hits.merge(key, 1L, Long::sum);
                traceOf.putIfAbsent(key, trace);
            }
        }
    }

    private List<TopicPartition> partitions() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> names = admin.listTopics(new ListTopicsOptions().listInternal(true)).names()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames()
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            List<TopicPartition> partitions = new ArrayList<>();
            topics.values().forEach(topic -> topic.partitions().forEach(p ->
                    partitions.add(new TopicPartition(topic.name(), p.partition()))));
            return partitions;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the topics of " + bootstrapServers, e);
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Aborted transactions' records are still on disk: read them too.
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }
}
