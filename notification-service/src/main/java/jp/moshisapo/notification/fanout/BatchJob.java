package jp.moshisapo.notification.fanout;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.Purpose;
import jp.moshisapo.notification.crypto.Sealed;

/** A persisted batch waiting in the dispatcher's queue, due now or after a backoff. */
final class BatchJob implements Delayed {

    private static final AtomicLong ORDER = new AtomicLong();

    final CaseRun run;
    final int seq;
    final UUID retryKey;
    /**
     * Who the batch carries, fixed by its claim just before the first request of this run ({@link
     * BatchStore#claim}) and then kept for every retry; null until then. The queue holds no user ids meanwhile.
     */
    private Sealed recipients;
    int recipientCount;
    private long dueNanos = System.nanoTime();
    private long order = ORDER.incrementAndGet();
    int attempts;
    Instant firstAttemptAt;
    /** This run's claim marked the batch as tried (at {@link #firstAttemptAt}); false when an earlier run did. */
    boolean markedThisRun;
    /** The last attempt's answer, for a job of a cancelled case that will not be tried again. */
    SendResult lastResult;
    /** Some attempt got no answer or a 5xx: LINE may have accepted its retry key. */
    boolean mayHaveArrived;

    BatchJob(CaseRun run, int seq, UUID retryKey) {
        this.run = run;
        this.seq = seq;
        this.retryKey = retryKey;
    }

    boolean claimed() {
        return recipients != null;
    }

    void claimed(BatchStore.Claim claim) {
        this.recipients = claim.recipients();
        this.recipientCount = claim.recipientCount();
        this.markedThisRun = claim.markedNow();
        if (firstAttemptAt == null) {
            this.firstAttemptAt = claim.firstAttemptAt(); // tried in an earlier run: its retry key's clock runs
        }
    }

    /**
     * The last moment this batch may still be sent: the case's deadline, and no later than 24 hours after its first
     * attempt, when LINE forgets the retry key an unanswered attempt may have used.
     */
    Instant deadline() {
        if (firstAttemptAt == null) {
            return run.deadline;
        }
        Instant keyWindow = firstAttemptAt.plus(BatchStore.RETRY_KEY_WINDOW);
        return keyWindow.isBefore(run.deadline) ? keyWindow : run.deadline;
    }

    void answered(SendResult result) {
        lastResult = result;
        mayHaveArrived |= result.mayHaveArrived();
    }

    /** The LINE user ids separated by newlines, opened just before the request is built. */
    byte[] recipients(Keyring keyring) {
        return keyring.open(recipients, Purpose.BATCH_RECIPIENTS);
    }

    void retryAfter(java.time.Duration wait) {
        dueNanos = System.nanoTime() + wait.toNanos();
        order = ORDER.incrementAndGet();
    }

    @Override
    public long getDelay(TimeUnit unit) {
        return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
        BatchJob o = (BatchJob) other;
        int byDue = Long.compare(dueNanos - o.dueNanos, 0);
        return byDue != 0 ? byDue : Long.compare(order, o.order);
    }

    @Override
    public String toString() {
        return "batch " + seq + " of case " + run.caseId;
    }
}
