package jp.moshisapo.notification.exposure;

/**
 * Where a case is: DRAFT → SENDING (approved) → DONE | FAILED; SENDING → PAUSED (LINE refused for a reason no
 * retry fixes: the monthly limit, the channel token) → SENDING (resumed); DRAFT, SENDING or PAUSED → CANCELLED.
 */
public enum CaseState {
    DRAFT, SENDING, PAUSED, DONE, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
