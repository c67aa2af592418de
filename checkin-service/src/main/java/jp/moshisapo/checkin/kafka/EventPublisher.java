package jp.moshisapo.checkin.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import jp.moshisapo.checkin.metrics.CheckinMetrics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/** Writes records to Kafka and tells when the brokers have them (acks=all); owns the service's one producer. */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final KafkaProducer<String, byte[]> producer;
    private final AutoCloseable producerMetrics;
    private final ObjectMapper json;

    EventPublisher(KafkaClients clients, ObjectMapper json, CheckinMetrics metrics) {
        this.producer = clients.producer();
        this.producerMetrics = metrics.bindKafkaClient(producer);
        this.json = json;
    }

    /** Completes when the record is durable; fails when Kafka does not take it within the delivery timeout. */
    public CompletableFuture<Void> send(String topic, String key, byte[] value) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error == null) {
                    acked.complete(null);
                } else {
                    acked.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            // send() itself throws when metadata or buffer space is not available within max.block.ms.
            acked.completeExceptionally(e);
        }
        return acked;
    }

    /** Sends an event record (VisitRecorded, ResidentEvent) as JSON. */
    public CompletableFuture<Void> sendJson(String topic, String key, Object event) {
        try {
            return send(topic, key, json.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Fetches a topic's metadata now, so the first send after a start does not wait for it. Kafka being down is not
     * fatal here: sends then fail and are retried (the webhook answers 503 and LINE redelivers).
     */
    public void warmUp(String topic) {
        try {
            producer.partitionsFor(topic);
        } catch (RuntimeException e) {
            LOG.warnf("no metadata for %s yet: %s", topic, e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void close() throws Exception {
        producerMetrics.close();
        producer.close(Duration.ofSeconds(5));
    }
}
