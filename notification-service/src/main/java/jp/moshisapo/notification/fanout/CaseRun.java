package jp.moshisapo.notification.fanout;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One case being sent by this instance: its text, deadline and progress. The case is complete when planning has
 * finished and every planned batch has a persisted final outcome.
 */
final class CaseRun {

    final long caseId;
    final String message;
    /**
     * The approval or last resume this run sends for: a refusal LINE gives a request of an earlier run (answered
     * after an approver already resumed the case) must not pause the run that followed it.
     */
    final Instant sendingSince;
    final Instant deadline;
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicInteger finals = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean planned;
    private volatile boolean stopped;
    private volatile boolean cancelled;
    private volatile boolean handedOver;

    CaseRun(long caseId, String message, Instant sendingSince, Instant deadline) {
        this.caseId = caseId;
        this.message = message;
        this.sendingSince = sendingSince;
        this.deadline = deadline;
    }

    /** Cancelled, or this instance stopped leading: nothing more goes out for this run. */
    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
    }

    /** Staff pulled the kill switch (as opposed to this instance losing the lead). */
    void cancel() {
        cancelled = true;
        stopped = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    /**
     * This instance stopped leading: another may already be sending the case, treating the batches this run marked
     * as tried as tried, so this run writes none of them back as untried.
     */
    void handOver() {
        handedOver = true;
        stopped = true;
    }

    boolean handedOver() {
        return handedOver;
    }

    void addBatches(int count) {
        batches.addAndGet(count);
    }

    void addFinal(boolean batchFailed) {
        if (batchFailed) {
            failed.incrementAndGet();
        }
        finals.incrementAndGet();
    }

    void planned() {
        planned = true;
    }

    int failedBatches() {
        return failed.get();
    }

    /** True exactly once, when the run is complete: the caller then finishes the case. */
    boolean completeNow() {
        return planned && !stopped && finals.get() >= batches.get() && finished.compareAndSet(false, true);
    }
}
