package jp.moshisapo.facility.audit;

/** What a staff member did with venue data; the facility audit log's vocabulary. */
public enum AuditAction {
    /** Staff looked a printed code up and, when it exists, saw the venue's contact data. */
    CODE_LOOKED_UP,
    /** Staff searched venues by name, phone, address, postal code or code fragment, and saw the listed ones. */
    FACILITIES_SEARCHED
}
