package jp.moshisapo.facility.audit;

/** What a staff member did with venue data; the facility audit log's vocabulary. */
public enum AuditAction {
    /** Staff looked a printed code up and, when it exists, saw the venue's contact data. */
    CODE_LOOKED_UP,
    /** Staff searched venues by name, phone, address, postal code or code fragment, and saw the listed ones. */
    FACILITIES_SEARCHED,
    /** Staff drafted a notice to venues (details: notice id, audience size at drafting). */
    NOTICE_DRAFTED,
    /** An approver sent a notice to venues (details: notice id, number of venues mailed). */
    NOTICE_APPROVED,
    /** An approver tried to send a notice they drafted themselves and was refused (details: notice id). */
    NOTICE_APPROVAL_REFUSED
}
