package jp.moshisapo.checkin.processing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.moshisapo.checkin.config.CheckinConfig;
import jp.moshisapo.checkin.kafka.KafkaClients;
import jp.moshisapo.checkin.metrics.CheckinMetrics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Reads {@code checkin.webhook-events.v1} in the service's consumer group and hands each polled batch to the
 * {@link BatchProcessor}. Offsets are committed only after a batch is fully processed. One resident's events share
 * a partition (key = LINE user id), and a partition belongs to one consumer thread at a time, so a resident's
 * events are answered in the order they were sent. Three kinds of trouble, three answers:
 * <ul>
 * <li>an <b>outage</b> (database or Kafka unreachable): the batch is read again from its first unprocessed offset
 * after a pause that grows while it lasts, and readiness is DOWN meanwhile; nothing is parked, since every event
 * would fail;</li>
 * <li>a batch failing for a reason of <b>its own events</b>: its events are processed one at a time, each tried at
 * most {@link PoisonConfig#attempts()} times; one that still fails is parked in {@link PoisonEvents} and its
 * partition moves on, so one poison event cannot stop every resident of the partition;</li>
 * <li>anything else that ends a consumer thread's loop (a Kafka client error, an {@link Error}): the thread closes
 * its consumer, readiness is DOWN, and it starts over with a new consumer from the last committed offsets after
 * the same growing pause (counted in {@code moshisapo.checkin.consumer.restarts}).</li>
 * </ul>
 */
@ApplicationScoped
public class WebhookEventConsumer {

    private static final Logger LOG = Logger.getLogger(WebhookEventConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final KafkaClients clients;
    private final BatchProcessor processor;
    private final PoisonEvents poison;
    private final PoisonConfig poisonConfig;
    private final CheckinConfig.Kafka config;
    private final CheckinMetrics metrics;
    private final Counter restarts;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Loop> loops = new ArrayList<>();

    WebhookEventConsumer(KafkaClients clients, BatchProcessor processor, PoisonEvents poison,
            PoisonConfig poisonConfig, CheckinConfig config, CheckinMetrics metrics, MeterRegistry registry) {
        this.clients = clients;
        this.processor = processor;
        this.poison = poison;
        this.poisonConfig = poisonConfig;
        this.config = config.kafka();
        this.metrics = metrics;
        this.restarts = Counter.builder("moshisapo.checkin.consumer.restarts")
                .description("Webhook event consumer threads started over after a failure").register(registry);
    }

    void start(@Observes StartupEvent startup) {
        running.set(true);
        for (int i = 0; i < config.consumers(); i++) {
            Loop loop = new Loop("webhook-event-consumer-" + i);
            loops.add(loop);
            loop.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running.set(false);
        loops.forEach(Loop::wakeUp);
        for (Loop loop : loops) {
            loop.join(Duration.ofSeconds(30).toMillis());
        }
    }

    /** False while any consumer thread's batches meet an outage or the thread is starting over (readiness). */
    public boolean isHealthy() {
        return running.get() && !loops.isEmpty() && loops.stream().allMatch(loop -> loop.healthy);
    }

    /** The database or Kafka failed, not the events: the batch must wait and be read again. */
    private static final class Outage extends RuntimeException {

        Outage(Throwable cause) {
            super(cause);
        }
    }

    /** One consumer thread: poll, process, commit; started over with a new consumer when its loop fails. */
    private final class Loop extends Thread {

        private volatile boolean healthy;
        private volatile KafkaConsumer<String, byte[]> consumer;
        private int failures;

        Loop(String name) {
            super(name);
        }

        void wakeUp() {
            KafkaConsumer<String, byte[]> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        @Override
        public void run() {
            while (running.get()) {
                try {
                    consume();
                } catch (WakeupException stopping) {
                    // stop() woke the consumer up to end the loop
                } catch (Exception | Error e) {
                    if (!running.get()) {
                        return;
                    }
                    failures++;
                    restarts.increment();
                    LOG.errorf("webhook event consumer %s failed, starting it over (failure %d): %s", getName(),
                            failures, describe(e));
                    pause(failures);
                }
            }
        }

        private void consume() throws Exception {
            try (KafkaConsumer<String, byte[]> kafka = clients.consumer(config.consumerGroup(), config.maxBatch());
                    AutoCloseable kafkaMetrics = metrics.bindKafkaClient(kafka)) {
                consumer = kafka;
                if (!running.get()) {
                    return; // stop() came while the consumer was being created: its wakeup missed it
                }
                kafka.subscribe(List.of(config.webhookEventsTopic()));
                healthy = true;
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
                    if (records.isEmpty()) {
                        continue;
                    }
                    Map<TopicPartition, Long> next = firstOffsets(records);
                    try {
                        handle(kafka, records, next);
                        failures = 0;
                        healthy = true;
                    } catch (Outage e) {
                        failures++;
                        healthy = false;
                        LOG.errorf("webhook event batch failed (attempt %d), will process it again: %s", failures,
                                describe(e.getCause()));
                        next.forEach(kafka::seek);
                        pause(failures);
                    }
                }
            } finally {
                healthy = false;
                consumer = null;
            }
        }

        /** The batch in one transaction; when it fails for a reason of its own, each event alone. */
        private void handle(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records,
                Map<TopicPartition, Long> next) {
            RuntimeException fault = process(list(records));
            if (fault == null) {
                kafka.commitSync(nextOffsets(records));
                return;
            }
            LOG.warnf("webhook event batch of %d failed on its own events, processing them one at a time: %s",
                    records.count(), Failures.classes(fault));
            for (TopicPartition partition : records.partitions()) {
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    processAlone(record);
                    kafka.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                    next.put(partition, record.offset() + 1);
                }
            }
        }

        /** Tries one event a few times; parks it when it keeps failing by itself. */
        private void processAlone(ConsumerRecord<String, byte[]> record) {
            for (int attempt = 1; ; attempt++) {
                RuntimeException fault = process(List.of(record));
                if (fault == null) {
                    return;
                }
                if (attempt >= poisonConfig.attempts()) {
                    try {
                        poison.park(record, attempt, fault);
                    } catch (RuntimeException e) {
                        throw new Outage(e);
                    }
                    return;
                }
                sleep(poisonConfig.backoff().multipliedBy(1L << Math.min(attempt - 1, 10)));
            }
        }

        /** Null when processed; the failure when it lies with the events; throws {@link Outage} otherwise. */
        private RuntimeException process(List<ConsumerRecord<String, byte[]>> records) {
            try {
                metrics.batch().record(() -> processor.process(records));
                return null;
            } catch (RuntimeException e) {
                if (Failures.isOutage(e)) {
                    throw new Outage(e);
                }
                return e;
            }
        }

        /** 0.5 s, 1 s, 2 s … up to 30 s between attempts while the database, Kafka or LINE are unwell. */
        private void pause(int failures) {
            sleep(Duration.ofMillis(Math.min(MAX_PAUSE.toMillis(), 250L << Math.min(failures, 10))));
        }

        private void sleep(Duration pause) {
            try {
                Thread.sleep(pause.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.set(false);
            }
        }
    }

    private static List<ConsumerRecord<String, byte[]>> list(ConsumerRecords<String, byte[]> records) {
        List<ConsumerRecord<String, byte[]>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static Map<TopicPartition, Long> firstOffsets(ConsumerRecords<String, byte[]> records) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            first.put(partition, records.records(partition).get(0).offset());
        }
        return first;
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
