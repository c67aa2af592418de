package jp.moshisapo.checkin.webhook;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jp.moshisapo.checkin.config.CheckinConfig;
import jp.moshisapo.checkin.kafka.EventPublisher;
import jp.moshisapo.protocol.events.Topic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.jboss.logging.Logger;

/**
 * Accepts webhook events durably: each goes onto {@code checkin.webhook-events.v1} and counts as accepted once
 * Kafka confirms it (acks=all). Processing happens after, so the webhook answers LINE well within its 2 s.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

    private final EventPublisher publisher;
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final Duration timeout;

    WebhookIntake(EventPublisher publisher, KafkaProducer<String, byte[]> producer, CheckinConfig config) {
        this.publisher = publisher;
        this.producer = producer;
        this.topic = config.kafka().webhookEventsTopic();
        this.timeout = config.kafka().acceptTimeout();
    }

    /**
     * Fetches the topics' metadata before the first webhook arrives, so LINE's first request after a start does not
     * wait for it. Kafka being down is not fatal here: the webhook then answers 503 and LINE redelivers.
     */
    void warmUp(@Observes StartupEvent startup) {
        for (String written : List.of(topic, Topic.CHECKIN_VISITS, Topic.CHECKIN_RESIDENTS)) {
            try {
                producer.partitionsFor(written);
            } catch (RuntimeException e) {
                LOG.warnf("no metadata for %s yet: %s", written, e.getClass().getSimpleName());
            }
        }
    }

    /** Completes when every event is on Kafka; fails when one is not confirmed within the accept timeout. */
    public CompletableFuture<Void> accept(List<AcceptedEvent> events) {
        CompletableFuture<?>[] sent = events.stream()
                .map(event -> publisher.send(topic, event.userId(), event.json()))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
