package jp.moshisapo.notification.fanout;

import java.time.Instant;

/** The final state of a batch, queued for the database. */
record BatchOutcome(CaseRun run, int seq, Status status, int attempts, Instant firstAttemptAt, Instant finishedAt,
        String error) {

    enum Status {
        SENT, FAILED
    }
}
