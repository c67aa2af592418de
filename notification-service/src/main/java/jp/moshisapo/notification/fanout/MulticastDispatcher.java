package jp.moshisapo.notification.fanout;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import jp.moshisapo.database.DataAccessException;
import jp.moshisapo.notification.concurrent.DaemonThreads;
import jp.moshisapo.notification.config.FanoutConfig;
import jp.moshisapo.notification.crypto.Keyring;

/**
 * Sends batches of every case through one paced pipe: the channel's rate limit is per channel, so all cases
 * share it. One thread takes due batches in order and waits for an in-flight slot; a sender thread then claims the
 * batch before its first request (fixing its recipients, without anyone who asked for erasure), builds the request,
 * waits for a token of the pacer and sends. Four senders, so batches' claims (a transaction of a few database round
 * trips) and bodies overlap another's wait: with one thread doing all of it in turn, a busy database held the first
 * seconds of a large case below LINE's 200 requests/s, and with two the first second still was (docs/performance.md).
 * Answers come back on the client's request threads. A batch is retried with the same retry key after 429/5xx until
 * the case's deadline; its final outcome goes to the {@link OutcomeWriter}.
 */
@ApplicationScoped
@Startup
public class MulticastDispatcher {

    /** LINE's limit is per second: after a 429, hold everything for a second rather than spend tokens on 429s. */
    private static final Duration RATE_LIMIT_PAUSE = Duration.ofSeconds(1);
    private static final int SENDERS = 4;

    private final DelayQueue<BatchJob> queue = new DelayQueue<>();
    private final MulticastClient client;
    private final OutcomeWriter outcomes;
    private final FanoutMetrics metrics;
    private final Keyring keyring;
    private final Clock clock;
    private final RatePacer pacer;
    private final Semaphore inFlight;
    private final Backoff backoff;
    private final BatchStore store;
    private final CasePauses pauses;
    private final Thread thread;
    private final ExecutorService senders;
    /** Claims in a row that could not reach the database: lengthens the backoff. */
    private final AtomicInteger claimFailures = new AtomicInteger();

    MulticastDispatcher(MulticastClient client, OutcomeWriter outcomes, FanoutMetrics metrics, Keyring keyring,
            Clock clock, FanoutConfig config, BatchStore store, CasePauses pauses) {
        if (config.batchSize() < 1 || config.batchSize() > 500) {
            throw new IllegalArgumentException("moshisapo.notification.fanout.batch-size must be 1..500 (LINE's limit)");
        }
        if (config.deadline().compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("moshisapo.notification.fanout.deadline must be at most 24h: LINE "
                    + "forgets retry keys after 24 hours, so a later retry could deliver twice");
        }
        this.client = client;
        this.outcomes = outcomes;
        this.metrics = metrics;
        this.keyring = keyring;
        this.clock = clock;
        this.pacer = new RatePacer(config.multicastPerSecond(), config.burst());
        this.inFlight = new Semaphore(config.maxInFlight());
        this.backoff = new Backoff(config.initialBackoff(), config.maxBackoff());
        this.store = store;
        this.pauses = pauses;
        this.thread = DaemonThreads.of(this::loop, "fanout-dispatcher");
        this.senders = Executors.newFixedThreadPool(SENDERS, DaemonThreads.named("fanout-sender"));
    }

    void submit(BatchJob job) {
        queue.add(job);
    }

    @jakarta.annotation.PostConstruct
    void start() {
        thread.start();
    }

    @PreDestroy
    void stop() {
        thread.interrupt();
        senders.shutdownNow();
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                dispatch(queue.take());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                Log.errorf(e, "Fan-out dispatch failed");
            }
        }
    }

    private void dispatch(BatchJob job) throws InterruptedException {
        if (job.run.stopped()) {
            abandon(job);
            return;
        }
        if (clock.instant().isAfter(job.deadline())) {
            fail(job, "deadline passed before the batch could be sent");
            return;
        }
        inFlight.acquire();
        try {
            senders.execute(() -> sendHoldingSlot(job));
        } catch (RejectedExecutionException e) {
            inFlight.release(); // shutting down: the batch stays as the database has it
        }
    }

    /** On a sender thread, holding an in-flight slot: gives it back unless the answer's callback now owns it. */
    private void sendHoldingSlot(BatchJob job) {
        boolean handedOver = false;
        try {
            handedOver = send(job);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            Log.errorf(e, "Fan-out dispatch failed");
        } finally {
            if (!handedOver) {
                inFlight.release(); // 32 leaked permits would freeze every case for good
            }
        }
    }

    /**
     * Claims the batch, builds the request, waits for the pacer and hands the request to the client; true when the
     * answer's callback now owns the in-flight permit. A job that cannot even be built (its recipients sealed under
     * a key removed from the keyring by a rotation, say) never can be: it ends FAILED with the reason in the case's
     * report instead of vanishing.
     */
    private boolean send(BatchJob job) throws InterruptedException {
        byte[] body;
        try {
            if (job.run.stopped()) {
                abandon(job);
                return false;
            }
            if (!job.claimed() && !claim(job)) {
                return false;
            }
            body = client.body(job.recipients(keyring), job.run.message);
        } catch (RuntimeException e) {
            fail(job, "not sent: " + SendResult.describe(e));
            return false;
        }
        pacer.acquire();
        if (job.run.stopped()) {
            abandon(job); // claimed but not tried: released for a resume, unless cancelled
            return false;
        }
        Instant now = clock.instant();
        job.attempts++;
        if (job.firstAttemptAt == null) {
            job.firstAttemptAt = now;
        }
        client.send(job.retryKey, body).whenComplete((result, failure) -> {
            inFlight.release();
            answered(job, failure == null ? result : SendResult.unanswered(failure));
        });
        return true;
    }

    /**
     * The batch's first request in this run: fix who it carries ({@link BatchStore#claim}, which takes out
     * residents who asked for erasure since it was planned). False when nothing is to be sent now: the batch was
     * cancelled or finished meanwhile, every recipient was erased (SKIPPED), or the database could not be reached
     * (the job is queued again after a backoff, since an unanswered claim is no reason to fail the batch).
     */
    private boolean claim(BatchJob job) {
        BatchStore.Claim claim;
        try {
            claim = store.claim(job.run.caseId, job.seq, clock.instant());
        } catch (DataAccessException e) {
            Log.warnf("Could not claim %s, trying again: %s", job, e.getMessage());
            Duration wait = backoff.after(Math.min(claimFailures.incrementAndGet(), 10), null);
            if (clock.instant().plus(wait).isAfter(job.deadline())) {
                fail(job, "deadline passed while the database could not be reached");
            } else {
                job.retryAfter(wait);
                queue.add(job);
            }
            return false;
        }
        claimFailures.set(0);
        if (!claim.pending()) {
            // Cancelled: the cancel stops the run as well. Final otherwise: the instance that led before stored
            // its outcome after this run read the batch as PENDING; count it, or the case would never finish.
            if (!"CANCELLED".equals(claim.status()) && !"UNCONFIRMED".equals(claim.status())) {
                outcomes.alreadyFinal(job.run, "FAILED".equals(claim.status()));
            }
            return false;
        }
        if (claim.recipientCount() == 0) {
            outcomes.add(new BatchOutcome(job.run, job.seq, BatchOutcome.Status.SKIPPED, 0, null, clock.instant(),
                    null));
            return false;
        }
        job.claimed(claim);
        return true;
    }

    private void answered(BatchJob job, SendResult result) {
        job.answered(result);
        switch (result.verdict()) {
            case DELIVERED -> {
                metrics.sent(job.recipientCount);
                outcomes.add(new BatchOutcome(job.run, job.seq, BatchOutcome.Status.SENT, job.attempts,
                        job.firstAttemptAt, clock.instant(), result.status() == 409 ? "409: accepted earlier" : null));
            }
            case FAILED -> fail(job, result.describe());
            case RETRY -> retry(job, result);
            case PAUSE -> pause(job, result);
        }
    }

    /**
     * LINE refused for the channel (monthly limit, token): the case pauses (or every sending case, for the token)
     * rather than retry until the deadline. This batch stays PENDING with its retry key for the resume.
     */
    private void pause(BatchJob job, SendResult result) {
        if (job.run.stopped()) {
            abandon(job); // answered after its run was paused, cancelled or handed over: that run decides no more
            return;
        }
        try {
            pauses.pause(job.run, result);
        } catch (RuntimeException e) {
            // The database is out of reach: retry the batch as for a 5xx; the next refusal tries the pause again.
            Log.warnf("Could not pause case %d, retrying %s: %s", job.run.caseId, job, e.getMessage());
            retry(job, result);
            return;
        }
        job.run.stop();
        abandon(job);
    }

    private void retry(BatchJob job, SendResult result) {
        if (job.run.stopped()) {
            abandon(job);
            return;
        }
        if (result.status() == 429) {
            metrics.rateLimited();
            pacer.pause(RATE_LIMIT_PAUSE);
        }
        Duration wait = backoff.after(job.attempts, result.retryAfter());
        if (clock.instant().plus(wait).isAfter(job.deadline())) {
            fail(job, "deadline passed after " + job.attempts + " attempts; last: " + result.describe());
            return;
        }
        metrics.retried();
        job.retryAfter(wait);
        queue.add(job);
    }

    /**
     * A batch of a stopped run is not sent (again). Untried, it stays as the database has it: CANCELLED by the
     * cancel, or PENDING for the next leader. Claimed by a paused run that LINE answered only with refusals, it is
     * marked untried again; after a lost leadership it stays marked (the new leader may be sending it already).
     * Tried without success, the case must have been cancelled (a lost leadership is resumed with the same retry
     * key instead), and the report must say whether it may have arrived.
     */
    private void abandon(BatchJob job) {
        if (job.claimed() && !job.mayHaveArrived && !job.run.cancelled()) {
            if (job.markedThisRun && !job.run.handedOver()) {
                release(job); // paused: LINE processed none of this run's attempts
            }
            return;
        }
        if (job.attempts == 0 || job.lastResult == null || !job.run.cancelled()) {
            return;
        }
        boolean answered = job.lastResult.status() != 0;
        outcomes.add(new BatchOutcome(job.run, job.seq, answered ? BatchOutcome.Status.CANCELLED
                : BatchOutcome.Status.UNCONFIRMED, job.attempts, job.firstAttemptAt, clock.instant(),
                (answered ? "cancelled after " : "cancelled while unanswered; LINE may have delivered it. Last: ")
                        + job.lastResult.describe()));
    }

    private void release(BatchJob job) {
        try {
            store.release(job.run.caseId, job.seq, job.firstAttemptAt);
        } catch (RuntimeException e) {
            // Harmless: the batch then counts as tried, and is sent again only within 24 h of its first attempt.
            Log.warnf("Could not mark %s as untried: %s", job, e.getMessage());
        }
    }

    private void fail(BatchJob job, String reason) {
        metrics.failed();
        Log.warnf("Multicast %s failed: %s", job, reason);
        outcomes.add(new BatchOutcome(job.run, job.seq, BatchOutcome.Status.FAILED, job.attempts,
                job.firstAttemptAt, clock.instant(), reason));
    }
}
