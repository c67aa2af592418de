package jp.moshisapo.facility.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import jp.moshisapo.facility.config.FacilityConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows to Kafka in the order they were written and marks a row sent only after the broker
 * acknowledged it (acks=all, idempotent producer). When the broker is away the rows wait in the database and
 * go out, in order, once it is back; a row published twice (crash between ack and mark) is harmless because
 * the topic is compacted by code and consumers drop event ids they have seen.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository outbox;
    private final OutboxSignal signal;
    private final OutboxProducerSettings producerSettings;
    private final FacilityConfig.Outbox config;
    private final Counter published;
    private final Counter failures;
    private final Gauge unsentGauge;
    private final MeterRegistry metrics;
    /** Rows waiting for the broker, as of the relay's last look: grows while Kafka is away. */
    private final AtomicLong unsent = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private Producer<String, String> producer;

    OutboxRelay(OutboxRepository outbox, OutboxSignal signal, OutboxProducerSettings producerSettings,
            FacilityConfig config, MeterRegistry metrics) {
        this.outbox = outbox;
        this.signal = signal;
        this.producerSettings = producerSettings;
        this.config = config.outbox();
        this.metrics = metrics;
        this.published = metrics.counter("moshisapo.facility.outbox.published");
        this.failures = metrics.counter("moshisapo.facility.outbox.failures");
        this.unsentGauge = Gauge.builder("moshisapo.facility.outbox.unsent", unsent, AtomicLong::get)
                .description("Outbox rows not yet acknowledged by Kafka").register(metrics);
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        signal.signal();
        if (thread != null) {
            thread.join(config.deliveryTimeout().plusSeconds(5).toMillis());
        }
        // The registry may outlive this bean (tests restart the application in one JVM): a gauge left behind
        // would keep reading this instance's counter instead of the next one's.
        metrics.remove(unsentGauge);
        metrics.remove(published);
        metrics.remove(failures);
    }

    private void run() {
        Duration pause = config.pollInterval();
        boolean failing = false;
        while (running) {
            Round round;
            try {
                round = QuarkusTransaction.requiringNew()
                        .timeout((int) config.deliveryTimeout().plusSeconds(30).toSeconds())
                        .call(this::publishBatch);
            } catch (RuntimeException e) {
                round = Round.failed(e);
            }
            countUnsent();
            if (round.failure() != null) {
                failures.increment();
                if (!failing) {
                    LOG.warnf("outbox relay cannot publish (rows wait in the database and are retried): %s",
                            round.failure().toString());
                }
                failing = true;
                closeProducer();
                signal.await(pause);
                pause = min(pause.multipliedBy(2), config.maxBackoff());
                continue;
            }
            if (failing) {
                LOG.info("outbox relay publishes again");
                failing = false;
            }
            pause = config.pollInterval();
            if (round.published() < config.batchSize()) {
                signal.await(config.pollInterval());
            }
        }
        closeProducer();
    }

    /** One round in one transaction: lock, read a batch, publish it, mark the acknowledged prefix sent. */
    private Round publishBatch() {
        if (!outbox.tryRelayLock()) {
            return new Round(0, null); // another instance is relaying
        }
        List<OutboxMessage> batch = outbox.unsent(config.batchSize());
        if (batch.isEmpty()) {
            return new Round(0, null);
        }
        Producer<String, String> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        Exception failure = null;
        for (OutboxMessage message : batch) {
            try {
                acks.add(kafka.send(new ProducerRecord<>(message.topic(), message.key(), message.payload())));
            } catch (KafkaException e) {
                failure = e; // e.g. no metadata within max.block.ms: the later rows must wait too
                break;
            }
        }
        // Bounded waits: the producer gives up on a record after the delivery timeout, and the relay must never
        // hang on a broker that neither answers nor fails.
        long ackTimeoutMs = config.deliveryTimeout().toMillis() + 5_000;
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < acks.size() && failure == null; i++) {
            try {
                acks.get(i).get(ackTimeoutMs, TimeUnit.MILLISECONDS);
                sent.add(batch.get(i).id());
            } catch (ExecutionException | TimeoutException e) {
                failure = e; // rows after the first failure stay unsent, so a code's events never overtake
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = e;
            }
        }
        if (!sent.isEmpty()) {
            outbox.markSent(sent);
            published.increment(sent.size());
        }
        return new Round(sent.size(), failure);
    }

    private void countUnsent() {
        try {
            unsent.set(QuarkusTransaction.requiringNew().call(outbox::countUnsent));
        } catch (RuntimeException e) {
            LOG.debugf("cannot count unsent outbox rows: %s", e.toString());
        }
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerSettings.producerConfig());
        }
        return producer;
    }

    /** A fresh producer after a failure starts with clean sequence numbers and a fresh view of the cluster. */
    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(Duration.ofSeconds(1));
            } catch (KafkaException e) {
                LOG.debugf("closing the outbox producer: %s", e.toString());
            }
            producer = null;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** What one round did. */
    private record Round(int published, Exception failure) {
        static Round failed(Exception e) {
            return new Round(0, e);
        }
    }
}
