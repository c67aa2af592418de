package jp.moshisapo.checkin.processing;

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
 * {@link BatchProcessor}. Offsets are committed only after a batch is fully processed; a failed batch is read
 * again from its first offset after a pause that grows while the failure lasts. One resident's events share a
 * partition (key = LINE user id), and a partition belongs to one consumer thread at a time, so a resident's
 * events are answered in the order they were sent.
 */
@ApplicationScoped
public class WebhookEventConsumer {

    private static final Logger LOG = Logger.getLogger(WebhookEventConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final KafkaClients clients;
    private final BatchProcessor processor;
    private final CheckinConfig.Kafka config;
    private final CheckinMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    private final List<Loop> loops = new ArrayList<>();

    WebhookEventConsumer(KafkaClients clients, BatchProcessor processor, CheckinConfig config,
            CheckinMetrics metrics) {
        this.clients = clients;
        this.processor = processor;
        this.config = config.kafka();
        this.metrics = metrics;
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

    /** False while any consumer thread's batches fail (the readiness check reports it). */
    public boolean isHealthy() {
        return running.get() && !loops.isEmpty() && loops.stream().allMatch(loop -> loop.healthy);
    }

    /** One consumer thread: poll, process, commit; on failure rewind and try again. */
    private final class Loop extends Thread {

        private volatile boolean healthy;
        private volatile KafkaConsumer<String, byte[]> consumer;

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
            try (KafkaConsumer<String, byte[]> kafka = clients.consumer(config.consumerGroup(), config.maxBatch());
                    AutoCloseable kafkaMetrics = metrics.bindKafkaClient(kafka)) {
                consumer = kafka;
                kafka.subscribe(List.of(config.webhookEventsTopic()));
                healthy = true;
                int failures = 0;
                while (running.get()) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
                    if (records.isEmpty()) {
                        continue;
                    }
                    try {
                        metrics.batch().record(() -> processor.process(list(records)));
                        kafka.commitSync(nextOffsets(records));
                        failures = 0;
                        healthy = true;
                    } catch (RuntimeException e) {
                        failures++;
                        healthy = false;
                        LOG.errorf("webhook event batch failed (attempt %d), will process it again: %s", failures,
                                describe(e));
                        rewind(kafka, records);
                        pause(failures);
                    }
                }
            } catch (WakeupException stopping) {
                // stop() woke the consumer up to end the loop
            } catch (Exception e) {
                LOG.error("webhook event consumer stopped", e);
            } finally {
                healthy = false;
                consumer = null;
            }
        }

        /** 0.5 s, 1 s, 2 s … up to 30 s between attempts while the database, Kafka or LINE are unwell. */
        private void pause(int failures) {
            long millis = Math.min(MAX_PAUSE.toMillis(), 250L << Math.min(failures, 10));
            try {
                Thread.sleep(millis);
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

    private static void rewind(KafkaConsumer<String, byte[]> kafka, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            kafka.seek(partition, records.records(partition).get(0).offset());
        }
    }

    private static String describe(Throwable e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }
}
