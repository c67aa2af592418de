package jp.moshisapo.checkin.code;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import jp.moshisapo.checkin.kafka.KafkaClients;
import jp.moshisapo.checkin.metrics.CheckinMetrics;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;
import jp.moshisapo.protocol.events.Topic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Keeps {@code code_view} equal to the compacted {@code facility.codes.v1}. Partitions are assigned by hand and
 * the offsets are stored with the rows (not in a consumer group): every instance applies every change, a fresh
 * database is filled from the beginning of the topic, and a restart continues where the database stands.
 */
@ApplicationScoped
public class CodeViewUpdater {

    private static final Logger LOG = Logger.getLogger(CodeViewUpdater.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final KafkaClients clients;
    private final CodeViewRepository repository;
    private final ObjectMapper json;
    private final CheckinMetrics metrics;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean caughtUp;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    CodeViewUpdater(KafkaClients clients, CodeViewRepository repository, ObjectMapper json, CheckinMetrics metrics) {
        this.clients = clients;
        this.repository = repository;
        this.json = json;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        running.set(true);
        thread = new Thread(this::run, "code-view-updater");
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running.set(false);
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            thread.join(Duration.ofSeconds(10).toMillis());
        }
    }

    /** True once the view holds every code state that was on the topic when this instance started. */
    public boolean isCaughtUp() {
        return caughtUp;
    }

    private void run() {
        while (running.get()) {
            try (KafkaConsumer<String, byte[]> kafka = clients.consumer(null, 1000)) {
                consumer = kafka;
                follow(kafka);
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                LOG.errorf("code view update failed, starting over from the stored offsets: %s", e.toString());
                pause();
            } finally {
                consumer = null;
            }
        }
    }

    private void follow(KafkaConsumer<String, byte[]> kafka) {
        List<TopicPartition> partitions = partitions(kafka);
        kafka.assign(partitions);
        Map<Integer, Long> stored = repository.offsets();
        partitions.forEach(p -> kafka.seek(p, stored.getOrDefault(p.partition(), 0L)));
        Map<TopicPartition, Long> endAtStart = kafka.endOffsets(partitions);
        while (running.get()) {
            ConsumerRecords<String, byte[]> records = kafka.poll(POLL);
            if (!records.isEmpty()) {
                apply(records);
            }
            if (!caughtUp && endAtStart.entrySet().stream().allMatch(e -> kafka.position(e.getKey()) >= e.getValue())) {
                caughtUp = true;
                LOG.info("code view caught up with " + Topic.FACILITY_CODES);
            }
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> kafka) {
        while (running.get()) {
            List<PartitionInfo> infos = kafka.partitionsFor(Topic.FACILITY_CODES);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            }
            LOG.warnf("topic %s not found yet; checking again", Topic.FACILITY_CODES);
            pause();
        }
        throw new WakeupException();
    }

    private void apply(ConsumerRecords<String, byte[]> records) {
        List<CodeViewRepository.Change> changes = new ArrayList<>();
        Map<Integer, Long> next = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            next.merge(record.partition(), record.offset() + 1, Math::max);
            change(record).ifPresentOrElse(changes::add, () -> metrics.codesRejected().increment());
        }
        repository.apply(changes, next);
        metrics.codesApplied().increment(changes.size());
    }

    /** A valid change, or empty for a record that is not one (logged and skipped: it never becomes valid). */
    private Optional<CodeViewRepository.Change> change(ConsumerRecord<String, byte[]> record) {
        try {
            String code = new PrintedCode(record.key()).canonical();
            if (record.value() == null) {
                return Optional.of(new CodeViewRepository.Change(code, null));
            }
            CodeState state = json.readValue(record.value(), CodeState.class);
            if (!code.equals(state.code()) || state.status() == null || state.facilityId() == null
                    || state.facilityName() == null || state.room() == null || state.occurredAt() == null) {
                throw new IOException("incomplete code state");
            }
            return Optional.of(new CodeViewRepository.Change(code, state));
        } catch (IOException | RuntimeException e) {
            LOG.warnf("skipped an invalid record of %s at %d@%d: %s", Topic.FACILITY_CODES, record.partition(),
                    record.offset(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
