package jp.moshisapo.facility.mail;

/** A row of the mail queue as the relay sends it. */
record QueuedMail(long id, String messageId, String recipient, String subject, String text, String html,
        String unsubscribeUrl, int attempts) {
}
