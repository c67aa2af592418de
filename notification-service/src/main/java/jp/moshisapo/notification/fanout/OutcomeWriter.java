package jp.moshisapo.notification.fanout;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import jp.moshisapo.notification.concurrent.DaemonThreads;

/**
 * Persists batch outcomes a few dozen at a time (one commit per ~50 ms instead of one per request, which at
 * 200 requests/s would mean 200 fsyncs/s). An outcome lost in a crash is harmless: the batch is still PENDING,
 * is sent again with its retry key, and LINE answers 409. A case is finished only after its last outcome is stored.
 */
@ApplicationScoped
@Startup
public class OutcomeWriter {

    private static final int MAX_PER_COMMIT = 500;

    private final BatchStore store;
    private final LinkedBlockingQueue<BatchOutcome> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile Consumer<CaseRun> onComplete = run -> { };
    private volatile boolean running = true;

    OutcomeWriter(BatchStore store) {
        this.store = store;
        this.thread = DaemonThreads.of(this::loop, "fanout-outcomes");
    }

    /** Who finishes a case once its last outcome is persisted (the coordinator). */
    void onComplete(Consumer<CaseRun> callback) {
        this.onComplete = callback;
    }

    void add(BatchOutcome outcome) {
        queue.add(outcome);
    }

    @jakarta.annotation.PostConstruct
    void start() {
        thread.start();
    }

    @PreDestroy
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        List<BatchOutcome> pending = new ArrayList<>();
        while (running || !queue.isEmpty() || !pending.isEmpty()) {
            try {
                if (pending.isEmpty()) {
                    BatchOutcome first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    pending.add(first);
                    Thread.sleep(50); // gather: the point is fewer commits, not lower latency
                }
                queue.drainTo(pending, MAX_PER_COMMIT - pending.size());
                store.write(pending);
                pending.forEach(this::persisted);
                pending.clear();
            } catch (InterruptedException e) {
                if (!running && !pending.isEmpty()) {
                    flushOnce(pending);
                    pending.clear();
                }
            } catch (RuntimeException e) {
                Log.warnf("Could not store %d batch outcomes, retrying: %s", pending.size(), e.getMessage());
                pause();
            }
        }
    }

    private void persisted(BatchOutcome outcome) {
        alreadyFinal(outcome.run(), outcome.status() == BatchOutcome.Status.FAILED);
    }

    /** A batch found final in the database (stored by the instance that led before): counts like a stored one. */
    void alreadyFinal(CaseRun run, boolean failed) {
        run.addFinal(failed);
        if (run.completeNow()) {
            onComplete.accept(run);
        }
    }

    private void flushOnce(List<BatchOutcome> pending) {
        try {
            store.write(pending);
        } catch (RuntimeException e) {
            Log.warnf("Shutting down with %d batch outcomes unstored; they are resent (409) on restart",
                    pending.size());
        }
    }

    private void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
