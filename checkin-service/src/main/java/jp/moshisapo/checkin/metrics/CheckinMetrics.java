package jp.moshisapo.checkin.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Every metric of this service in one place, registered at startup so /q/metrics lists them from the first
 * scrape (Prometheus names in docs/checkin.md). No tag ever carries a user id.
 */
@Startup
@Singleton
public class CheckinMetrics {

    private final MeterRegistry registry;
    private final Counter visitsRecorded;
    private final Counter signatureFailures;
    private final Counter eventsAccepted;
    private final Counter duplicatesDropped;
    private final Counter eventsUnreadable;
    private final Counter repliesSent;
    private final Counter repliesFailed;
    private final Counter codesApplied;
    private final Counter codesRejected;
    private final Counter replyRateLimited;
    private final Timer answerDelay;
    private final Timer batch;
    private final Map<String, Timer> webhook = new HashMap<>();
    private final Map<String, Timer> batchSteps = new HashMap<>();

    CheckinMetrics(MeterRegistry registry) {
        this.registry = registry;
        visitsRecorded = Counter.builder("moshisapo.checkin.visits.recorded")
                .description("Visits published to checkin.visits.v1 and acknowledged by Kafka").register(registry);
        signatureFailures = Counter.builder("moshisapo.checkin.signature.failures")
                .description("Webhook requests refused because X-Line-Signature was missing or wrong")
                .register(registry);
        eventsAccepted = Counter.builder("moshisapo.checkin.webhook.events")
                .description("Webhook events accepted onto checkin.webhook-events.v1").register(registry);
        duplicatesDropped = Counter.builder("moshisapo.checkin.events.duplicates")
                .description("Webhook events dropped because they were processed before (LINE redeliveries)")
                .register(registry);
        eventsUnreadable = Counter.builder("moshisapo.checkin.events.unreadable")
                .description("Records on checkin.webhook-events.v1 that are not LINE events; skipped")
                .register(registry);
        repliesSent = replies("sent");
        repliesFailed = replies("failed");
        codesApplied = Counter.builder("moshisapo.checkin.codes.applied")
                .description("Code states from facility.codes.v1 applied to the code view").register(registry);
        codesRejected = Counter.builder("moshisapo.checkin.codes.rejected")
                .description("Records of facility.codes.v1 that are not valid code states; skipped")
                .register(registry);
        replyRateLimited = Counter.builder("moshisapo.line.api.rate.limited").tag("endpoint", "reply")
                .description("HTTP 429 answers of the LINE Messaging API, by endpoint").register(registry);
        answerDelay = Timer.builder("moshisapo.checkin.answer.delay")
                .description("From LINE's event timestamp until LINE accepted our reply: what the resident waits")
                .publishPercentileHistogram().register(registry);
        batch = Timer.builder("moshisapo.checkin.batch")
                .description("Time to process one polled batch of webhook events").register(registry);
        for (String outcome : List.of("accepted", "refused", "unavailable")) {
            webhook.put(outcome, Timer.builder("moshisapo.checkin.webhook")
                    .description("Time to answer a LINE webhook request")
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1))
                    .maximumExpectedValue(Duration.ofSeconds(2))
                    .register(registry));
        }
        for (String step : List.of("answer", "publish", "reply", "commit")) {
            batchSteps.put(step, Timer.builder("moshisapo.checkin.batch.step")
                    .description("Time one batch of webhook events spends in each step")
                    .tag("step", step)
                    .register(registry));
        }
    }

    /**
     * Time a batch spends in one step: "answer" (database and dialogue), "publish" (Kafka acks), "reply" (LINE's
     * reply API), "commit".
     */
    public Timer batchStep(String step) {
        return require(batchSteps, step);
    }

    /** Time to answer a webhook request, by outcome: "accepted", "refused", "unavailable". */
    public Timer webhook(String outcome) {
        return require(webhook, outcome);
    }

    public Timer.Sample startTimer() {
        return Timer.start(registry);
    }

    public Counter visitsRecorded() {
        return visitsRecorded;
    }

    public Counter signatureFailures() {
        return signatureFailures;
    }

    public Counter eventsAccepted() {
        return eventsAccepted;
    }

    public Counter duplicatesDropped() {
        return duplicatesDropped;
    }

    public Counter eventsUnreadable() {
        return eventsUnreadable;
    }

    public Counter repliesSent() {
        return repliesSent;
    }

    public Counter repliesFailed() {
        return repliesFailed;
    }

    public Counter codesApplied() {
        return codesApplied;
    }

    public Counter codesRejected() {
        return codesRejected;
    }

    /** LINE answered 429 to a reply: the channel's rate limit is reached. */
    public Counter replyRateLimited() {
        return replyRateLimited;
    }

    /**
     * Publishes a Kafka client's own metrics (consumer lag, request latency…) until the returned handle is
     * closed together with the client.
     */
    public AutoCloseable bindKafkaClient(Consumer<?, ?> consumer) {
        KafkaClientMetrics binder = new KafkaClientMetrics(consumer);
        binder.bindTo(registry);
        return binder;
    }

    public AutoCloseable bindKafkaClient(Producer<?, ?> producer) {
        KafkaClientMetrics binder = new KafkaClientMetrics(producer);
        binder.bindTo(registry);
        return binder;
    }

    public Timer answerDelay() {
        return answerDelay;
    }

    public Timer batch() {
        return batch;
    }

    private static Timer require(Map<String, Timer> timers, String tag) {
        Timer timer = timers.get(tag);
        if (timer == null) {
            throw new IllegalArgumentException("no such timer: " + tag);
        }
        return timer;
    }

    private Counter replies(String result) {
        return Counter.builder("moshisapo.checkin.replies").tag("result", result)
                .description("Replies sent through LINE's reply API, by result").register(registry);
    }
}
