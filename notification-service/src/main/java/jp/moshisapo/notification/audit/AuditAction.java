package jp.moshisapo.notification.audit;

/** What was done; the audit log's vocabulary. */
public enum AuditAction {
    CASE_CREATED,
    /** Staff read a case with its preview (resident counts). */
    CASE_VIEWED,
    REPORT_VIEWED,
    CASE_APPROVED,
    /** An approval was refused (self-approval): attempts are evidence too. */
    APPROVAL_REFUSED,
    CASE_CANCELLED,
    /**
     * The service paused a sending case: LINE refused it for the monthly message limit or the channel's token
     * (details: cause, LINE's answer).
     */
    CASE_PAUSED,
    /** An approver resumed a paused case. */
    CASE_RESUMED,
    /** The service fixed the recipients of an approved case into batches. */
    RECIPIENTS_PLANNED,
    /** The service finished sending (DONE or FAILED). */
    SENDING_FINISHED
}
