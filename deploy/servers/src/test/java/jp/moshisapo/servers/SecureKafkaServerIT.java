package jp.moshisapo.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import jp.moshisapo.servers.KafkaServer.ScramUser;
import jp.moshisapo.servers.KafkaServer.TopicSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SecureKafkaServerIT {

    private static final String TOPIC = "facility.codes.v1";
    private static final ScramUser WRITER = new ScramUser("facility-service", "writer-secret");
    private static final ScramUser READER = new ScramUser("checkin-service", "reader-secret");
    private static final ScramUser NO_GROUP = new ScramUser("no-group", "no-group-secret");

    private static KafkaServer kafka;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaServer.startSecure(TestCa.create(), List.of(WRITER, READER));
        kafka.createTopics(List.of(new TopicSpec(TOPIC, 1, false)));
        kafka.addScramUsers(List.of(NO_GROUP));
        kafka.createAcls(List.of(
                KafkaAcl.topic(WRITER.name(), TOPIC, AclOperation.WRITE),
                KafkaAcl.topic(READER.name(), TOPIC, AclOperation.READ),
                KafkaAcl.parse(READER.name(), "group", "checkin-", "prefix", List.of("Read")),
                KafkaAcl.topic(NO_GROUP.name(), TOPIC, AclOperation.READ)));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void usersWithOnlyTheirAclsProduceAndConsumeAcrossABrokerRestart() throws Exception {
        try (KafkaProducer<String, String> producer = producer(WRITER.password())) {
            producer.send(new ProducerRecord<>(TOPIC, "ABCD-EFGH-J", "code-1")).get();
        }
        kafka.kill();
        kafka.restart();

        assertEquals(List.of("code-1"), consume(READER, "checkin-service"));
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (KafkaProducer<String, String> producer = producer("not-the-password")) {
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> producer.send(new ProducerRecord<>(TOPIC, "k", "v")).get());
            assertInstanceOf(SaslAuthenticationException.class, e.getCause(), e.toString());
        }
    }

    @Test
    void aConsumerWithoutTheGroupAclIsRefused() {
        assertThrows(GroupAuthorizationException.class, () -> consume(NO_GROUP, "no-group-group"));
    }

    private static KafkaProducer<String, String> producer(String password) {
        Properties props = new Properties();
        props.putAll(kafka.clientConfig(WRITER.name(), password));
        props.putAll(Map.of("acks", "all", "enable.idempotence", "true", "max.block.ms", "8000",
                "delivery.timeout.ms", "8000", "request.timeout.ms", "5000"));
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static List<String> consume(ScramUser user, String group) {
        Properties props = new Properties();
        props.putAll(kafka.clientConfig(user.name(), user.password()));
        props.putAll(Map.of("group.id", group, "auto.offset.reset", "earliest", "default.api.timeout.ms", "8000"));
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            Wait.until("a record on " + TOPIC, Duration.ofSeconds(60), () -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
                return !values.isEmpty();
            });
        }
        return values;
    }
}
