package jp.moshisapo.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaServerIT {

    @Test
    void aRecordWrittenBeforeARestartIsReadAfterIt() throws Exception {
        try (KafkaServer kafka = KafkaServer.start()) {
            kafka.createTopics(Topics.ALL);
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                producer.send(new ProducerRecord<>("checkin.visits.v1", "ABCD-EFGH-J", "visit-1")).get();
            }
            kafka.stop();
            assertFalse(Ports.isOpen(kafka.port()), "the broker port is closed while stopped");
            kafka.restart();

            assertEquals(List.of("visit-1"), readAll(kafka, "checkin.visits.v1", 1));
        }
    }

    @Test
    void closingTheBrokerLeavesNoProcessAndNoData() {
        KafkaServer kafka = KafkaServer.start();
        Path runDir = kafka.runDirectory();
        assertTrue(kafka.isRunning());

        kafka.close();

        assertFalse(kafka.isRunning());
        assertFalse(Ports.isOpen(kafka.port()), "nothing listens on the broker port any more");
        assertFalse(Files.exists(runDir), "the broker's data directory is deleted");
    }

    private static KafkaProducer<String, String> producer(KafkaServer kafka) {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", kafka.bootstrapServers(), "acks", "all",
                "enable.idempotence", "true"));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(KafkaServer kafka, String topic, int expected) {
        Properties props = new Properties();
        props.putAll(Map.of("bootstrap.servers", kafka.bootstrapServers(), "group.id", "it-" + System.nanoTime(),
                "auto.offset.reset", "earliest"));
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Wait.until(expected + " records on " + topic, Duration.ofSeconds(60), () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return values.size() >= expected;
            });
        }
        return values;
    }
}
