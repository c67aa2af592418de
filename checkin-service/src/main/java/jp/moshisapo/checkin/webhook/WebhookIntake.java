package jp.moshisapo.checkin.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import jp.moshisapo.checkin.config.CheckinConfig;
import jp.moshisapo.checkin.kafka.EventKeys;
import jp.moshisapo.checkin.kafka.EventPublisher;
import jp.moshisapo.checkin.resident.Pseudonymizer;
import jp.moshisapo.protocol.events.Topic;

/**
 * Accepts webhook events durably: each goes onto {@code checkin.webhook-events.v1} and counts as accepted once
 * Kafka confirms it (acks=all). Processing happens after, so the webhook answers LINE well within its 2 s.
 * What is written is minimised ({@link EventMinimiser}) and sealed as a whole ({@link EventKeys}), keyed by the
 * resident's pseudonym so one resident's events stay in order on one partition: no LINE user id and no free
 * text in clear on the topic.
 */
@ApplicationScoped
public class WebhookIntake {

    private final EventPublisher publisher;
    private final EventKeys keys;
    private final Pseudonymizer pseudonyms;
    private final EventMinimiser minimiser;
    private final String topic;
    private final Duration timeout;

    WebhookIntake(EventPublisher publisher, EventKeys keys, Pseudonymizer pseudonyms, ObjectMapper json,
            CheckinConfig config) {
        this.publisher = publisher;
        this.keys = keys;
        this.pseudonyms = pseudonyms;
        this.minimiser = new EventMinimiser(json);
        this.topic = config.kafka().webhookEventsTopic();
        this.timeout = config.kafka().acceptTimeout();
    }

    /** Before the first webhook arrives: LINE's first request after a start should not wait for Kafka metadata. */
    void warmUp(@Observes StartupEvent startup) {
        List.of(topic, Topic.CHECKIN_VISITS, Topic.CHECKIN_RESIDENTS).forEach(publisher::warmUp);
    }

    /** Completes when every event is on Kafka; fails when one is not confirmed within the accept timeout. */
    public CompletableFuture<Void> accept(List<AcceptedEvent> events) {
        CompletableFuture<?>[] sent = events.stream()
                .map(event -> publisher.send(topic, key(event), keys.sealWebhookEvent(
                        minimiser.minimise(event.type(), event.json()))))
                .toArray(CompletableFuture[]::new);
        return CompletableFuture.allOf(sent).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Events without a user (group and room events, ignored later) have no key: any partition will do. */
    private String key(AcceptedEvent event) {
        return event.userId() == null ? null : pseudonyms.pseudonymOf(event.userId()).hex();
    }
}
