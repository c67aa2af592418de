package jp.moshisapo.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.protocol.events.EventKeyring;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.protocol.events.VisitRecorded;
import jp.moshisapo.servers.EventContracts;
import jp.moshisapo.stack.LocalStack;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Visits put straight onto {@code checkin.visits.v1} in the VisitRecorded contract (docs/events), as
 * checkin-service writes them: for drills about what happens after check-in, where 100,000 residents going
 * through LINE one webhook at a time would only measure the check-in path again.
 */
final class VisitFeed {

    private VisitFeed() {
    }

    /**
     * One visit at {@code visitedAt} to {@code code} by each of {@code count} residents named prefix-0,
     * prefix-1, …; returns their LINE user ids once Kafka has acknowledged every visit (acks=all).
     */
    static List<String> publish(String code, String prefix, int count, Instant visitedAt) {
        return publish(TestStack.get(), code, prefix, count, visitedAt);
    }

    /** {@link #publish(String, String, int, Instant)} onto the Kafka of {@code stack}, with its keys. */
    static List<String> publish(LocalStack stack, String code, String prefix, int count, Instant visitedAt) {
        String canonical = Venue.canonical(code);
        List<String> users = new ArrayList<>(count);
        // Sealed with the keys the stack gave checkin-service, as it would seal them.
        EventKeyring keys = EventKeyring.parse(stack.serviceSetting("EVENT_ENCRYPTION_KEYS").orElseThrow(),
                stack.serviceSetting("EVENT_ENCRYPTION_ACTIVE_KEY_ID").orElseThrow());
        try (KafkaProducer<String, String> producer = producer(stack)) {
            List<Future<?>> sent = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String user = LineSimulator.userIdFor(prefix + "-" + i);
                users.add(user);
                String json = json(VisitRecorded.of(UUID.randomUUID(), user, canonical, visitedAt,
                        visitedAt.plusSeconds(5), keys));
                if (i == 0) {
                    EventContracts.assertValid(EventContracts.VISIT_RECORDED, json);
                }
                sent.add(producer.send(new ProducerRecord<>(Topic.CHECKIN_VISITS, canonical, json)));
            }
            producer.flush();
            for (Future<?> future : sent) {
                future.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the visits to " + Topic.CHECKIN_VISITS, e);
        }
        return users;
    }

    private static String json(VisitRecorded visit) {
        ObjectNode sealed = Http.JSON.createObjectNode()
                .put("keyId", visit.sealedLineUserId().keyId())
                .put("ciphertext", visit.sealedLineUserId().ciphertext());
        ObjectNode event = Http.JSON.createObjectNode()
                .put("schemaVersion", visit.schemaVersion())
                .put("visitId", visit.visitId().toString())
                .put("code", visit.code())
                .put("visitedAt", visit.visitedAt().toString())
                .put("recordedAt", visit.recordedAt().toString());
        event.set("sealedLineUserId", sealed);
        return event.toString();
    }

    private static KafkaProducer<String, String> producer(LocalStack stack) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka().orElseThrow().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return new KafkaProducer<>(props);
    }
}
