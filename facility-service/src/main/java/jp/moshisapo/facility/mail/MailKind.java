package jp.moshisapo.facility.mail;

/** Why a mail is sent; the delivery report of a notice counts only its own kind. */
public enum MailKind {
    /** The registration's codes, links and management link. */
    REGISTRATION,
    /** A fresh management link the venue asked for (「管理用リンクを再送する」). */
    MANAGEMENT_LINK,
    /** One venue's copy of a prefecture notice. */
    NOTICE
}
