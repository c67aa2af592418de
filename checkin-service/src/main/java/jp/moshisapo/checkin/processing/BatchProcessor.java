package jp.moshisapo.checkin.processing;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import jp.moshisapo.checkin.code.CodeViewRepository;
import jp.moshisapo.checkin.dialogue.Dialogue;
import jp.moshisapo.checkin.dialogue.Incoming;
import jp.moshisapo.checkin.dialogue.IncomingParser;
import jp.moshisapo.checkin.dialogue.Outcome;
import jp.moshisapo.checkin.history.HistoryRepository;
import jp.moshisapo.checkin.kafka.EventKeys;
import jp.moshisapo.checkin.kafka.EventPublisher;
import jp.moshisapo.checkin.line.ReplySender;
import jp.moshisapo.checkin.metrics.CheckinMetrics;
import jp.moshisapo.checkin.resident.Pseudonym;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.VisitRecorded;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Answers a batch of accepted webhook events in one database transaction: drop the events processed before
 * (LINE's redeliveries), let the dialogue decide each answer, publish the resulting events and wait for Kafka's
 * acks, then send the replies, then commit. So a reply never says 「登録」 before the visit is on Kafka, and a
 * batch that fails anywhere is rolled back and processed again (the same visit ids, the used reply tokens refused).
 */
@ApplicationScoped
public class BatchProcessor {

    private static final Logger LOG = Logger.getLogger(BatchProcessor.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    private final AgroalDataSource dataSource;
    private final IncomingParser parser;
    private final ProcessedEvents processed;
    private final CodeViewRepository codes;
    private final HistoryRepository history;
    private final Dialogue dialogue;
    private final EventPublisher publisher;
    private final ReplySender replies;
    private final CheckinMetrics metrics;
    private final EventKeys keys;

    BatchProcessor(AgroalDataSource dataSource, IncomingParser parser, ProcessedEvents processed,
            CodeViewRepository codes, HistoryRepository history, Dialogue dialogue, EventPublisher publisher,
            ReplySender replies, CheckinMetrics metrics, EventKeys keys) {
        this.keys = keys;
        this.dataSource = dataSource;
        this.parser = parser;
        this.processed = processed;
        this.codes = codes;
        this.history = history;
        this.dialogue = dialogue;
        this.publisher = publisher;
        this.replies = replies;
        this.metrics = metrics;
    }

    /** Processes the records; throws when the batch must be processed again. */
    public void process(List<ConsumerRecord<String, byte[]>> records) {
        List<Incoming> incoming = read(records);
        if (incoming.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Answered> answered = step("answer", () -> answer(connection, incoming));
                step("publish", () -> publish(answered));
                step("reply", () -> reply(answered));
                step("commit", () -> {
                    connection.commit();
                    return null;
                });
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new BatchFailedException("database unavailable", e);
        }
    }

    private <T> T step(String name, SqlStep<T> step) throws SQLException {
        long start = System.nanoTime();
        try {
            return step.run();
        } finally {
            metrics.batchStep(name).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private void step(String name, Runnable step) throws SQLException {
        step(name, () -> {
            step.run();
            return null;
        });
    }

    /** A step that may fail with SQLException. */
    @FunctionalInterface
    private interface SqlStep<T> {
        T run() throws SQLException;
    }

    private List<Incoming> read(List<ConsumerRecord<String, byte[]>> records) {
        List<Incoming> incoming = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                parser.parse(keys.openWebhookEvent(record.value())).ifPresent(incoming::add);
            } catch (IOException | RuntimeException e) {
                // Not retried: the same bytes will never parse or open. The webhook only writes sealed JSON
                // objects, so this means a foreign producer wrote to the topic, or the event's key id was removed
                // from EVENT_ENCRYPTION_KEYS while the record was still waiting (docs/operations.md).
                metrics.eventsUnreadable().increment();
                LOG.warnf("skipped an unreadable event at %s-%d@%d: %s", record.topic(), record.partition(),
                        record.offset(), e.getClass().getSimpleName());
            }
        }
        return incoming;
    }

    private List<Answered> answer(Connection connection, List<Incoming> incoming) throws SQLException {
        Map<String, Incoming> unique = new LinkedHashMap<>();
        incoming.forEach(event -> unique.putIfAbsent(event.webhookEventId(), event));
        Set<String> fresh = processed.claim(connection, unique.keySet(), Instant.now());
        List<Incoming> todo = unique.values().stream().filter(e -> fresh.contains(e.webhookEventId())).toList();
        metrics.duplicatesDropped().increment(incoming.size() - todo.size());

        Set<PrintedCode> mentionedCodes = todo.stream().map(Dialogue::codeMentioned).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        Map<UUID, Pseudonym> mentionedVisits = new HashMap<>();
        todo.forEach(e -> Dialogue.visitMentioned(e).ifPresent(id -> mentionedVisits.put(id, e.resident().pseudonym())));
        Map<UUID, Pseudonym> recordedBefore = new HashMap<>();
        history.recorded(connection, mentionedVisits.keySet()).forEach(id -> recordedBefore.put(id,
                mentionedVisits.get(id)));

        BatchStore store = new BatchStore(connection, history, codes.find(connection, mentionedCodes),
                recordedBefore);
        List<Answered> answered = todo.stream()
                .map(event -> new Answered(event, dialogue.answer(event, store))).toList();
        store.flush();
        return answered;
    }

    /** Every event of the batch, durably on Kafka, before any reply goes out. */
    private void publish(List<Answered> answered) {
        List<Outcome.Publication> publications = answered.stream()
                .flatMap(a -> a.outcome().publications().stream()).toList();
        if (publications.isEmpty()) {
            return;
        }
        CompletableFuture<?>[] acks = publications.stream()
                .map(p -> publisher.sendJson(p.topic(), p.key(), p.event()))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(acks).get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new BatchFailedException("events not acknowledged by Kafka", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BatchFailedException("interrupted while publishing", e);
        }
        metrics.visitsRecorded().increment(publications.stream().filter(p -> p.event() instanceof VisitRecorded).count());
    }

    /**
     * Replies of one resident go out one after the other (in the order of their events), different residents'
     * at the same time. A reply LINE refuses is logged and counted, not retried by processing the batch again.
     */
    private void reply(List<Answered> answered) {
        Map<Pseudonym, CompletableFuture<Void>> chains = new LinkedHashMap<>();
        for (Answered answer : answered) {
            if (!answer.outcome().hasReply()) {
                continue;
            }
            CompletableFuture<Void> previous = chains.get(answer.outcome().resident().pseudonym());
            chains.put(answer.outcome().resident().pseudonym(),
                    previous == null ? send(answer) : previous.thenCompose(done -> send(answer)));
        }
        CompletableFuture.allOf(chains.values().toArray(CompletableFuture[]::new)).join();
    }

    private CompletableFuture<Void> send(Answered answer) {
        Outcome outcome = answer.outcome();
        return replies.send(outcome.replyToken(), outcome.reply()).toCompletableFuture().handle((ok, error) -> {
            if (error == null) {
                metrics.repliesSent().increment();
                // LINE's clock may run ahead of ours: a negative delay counts as none (Micrometer refuses it).
                Duration delay = Duration.between(answer.event().at(), Instant.now());
                metrics.answerDelay().record(delay.isNegative() ? Duration.ZERO : delay);
            } else {
                metrics.repliesFailed().increment();
                LOG.warnf("reply to %s failed: %s", outcome.resident(), rootMessage(error));
            }
            return null;
        });
    }

    /** An event and the dialogue's answer to it. */
    private record Answered(Incoming event, Outcome outcome) {
    }

    private static String rootMessage(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && cause.getCause() != cause
                && !(cause instanceof ReplySender.ReplyRejectedException)
                && !(cause instanceof ReplySender.ReplyRetryableException)) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
