package jp.moshisapo.checkin.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Writes records to Kafka and tells when the brokers have them (acks=all). */
@ApplicationScoped
public class EventPublisher {

    private final KafkaProducer<String, byte[]> producer;
    private final ObjectMapper json;

    EventPublisher(KafkaProducer<String, byte[]> producer, ObjectMapper json) {
        this.producer = producer;
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
}
