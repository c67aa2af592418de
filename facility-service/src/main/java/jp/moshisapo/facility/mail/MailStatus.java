package jp.moshisapo.facility.mail;

/** Where a queued mail stands; only {@link #PENDING} is ever sent (again). */
public enum MailStatus {
    /** Queued, or waiting for the SMTP server to come back. */
    PENDING,
    /** The SMTP server accepted it. */
    SENT,
    /** The server refused the recipient's mailbox for good (5xx on the address): the venue's address is wrong. */
    BOUNCED,
    /** The server refused the mail for good for another reason (5xx: policy, size, content). */
    REFUSED
}
