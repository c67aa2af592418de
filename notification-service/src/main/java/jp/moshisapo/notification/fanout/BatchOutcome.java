package jp.moshisapo.notification.fanout;

import java.time.Instant;

/** The final state of a batch, queued for the database. */
record BatchOutcome(CaseRun run, int seq, Status status, int attempts, Instant firstAttemptAt, Instant finishedAt,
        String error) {

    enum Status {
        SENT, FAILED,
        /** Cancelled after an attempt LINE refused (429/5xx): certainly not delivered. */
        CANCELLED,
        /** Cancelled after an attempt that got no answer: LINE may or may not have delivered it. */
        UNCONFIRMED,
        /** Every recipient asked for erasure before the first request: none was made. */
        SKIPPED
    }
}
