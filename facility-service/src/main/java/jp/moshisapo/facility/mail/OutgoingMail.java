package jp.moshisapo.facility.mail;

import java.util.Objects;
import java.util.UUID;

/**
 * A mail to queue: both bodies are complete (plain text and HTML of the same content). {@code unsubscribeUrl}
 * becomes the {@code List-Unsubscribe} header (one-click, RFC 8058) when present; {@code noticeId} ties a notice's
 * copies together for its delivery report.
 */
public record OutgoingMail(MailKind kind, UUID facilityId, UUID noticeId, String recipient, String subject,
        String text, String html, String unsubscribeUrl) {

    public OutgoingMail {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(recipient);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(text);
        Objects.requireNonNull(html);
        if (MailAddress.parse(recipient).filter(recipient::equals).isEmpty()) {
            throw new IllegalArgumentException("not a single mailbox");
        }
        // Header injection is refused at the input; this guards every other path into a header.
        if (subject.chars().anyMatch(Character::isISOControl)
                || (unsubscribeUrl != null && unsubscribeUrl.chars().anyMatch(c -> c <= ' ' || c == '>'))) {
            throw new IllegalArgumentException("control characters in a header");
        }
    }
}
