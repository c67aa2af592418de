package jp.moshisapo.notification.exposure;

/** Where a case is: DRAFT → SENDING (approved) → DONE | FAILED; DRAFT or SENDING → CANCELLED. */
public enum CaseState {
    DRAFT, SENDING, DONE, FAILED, CANCELLED;

    public boolean isFinal() {
        return this == DONE || this == FAILED || this == CANCELLED;
    }
}
