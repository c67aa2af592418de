package jp.moshisapo.facility.mail;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import jp.moshisapo.facility.config.FacilityConfig;

/**
 * Hands one mail to the SMTP server (Quarkus Mailer, {@code quarkus.mailer.*}) and reads its answer: accepted,
 * refused for good (the mailbox, or the mail), or worth another try (no connection, 4xx, timeout).
 */
@ApplicationScoped
class MailSender {

    /** Reply codes that say the mailbox itself is wrong: unknown, not local, name not allowed (RFC 5321). */
    private static final Set<Integer> MAILBOX_CODES = Set.of(550, 551, 553);

    private final ReactiveMailer mailer;
    private final FacilityConfig.Mail config;

    MailSender(ReactiveMailer mailer, FacilityConfig config) {
        this.mailer = mailer;
        this.config = config.mail();
    }

    /** What the server answered. */
    record Result(MailStatus status, String answer) {
        boolean retry() {
            return status == MailStatus.PENDING;
        }
    }

    Result send(QueuedMail queued) {
        Mail mail = Mail.withText(queued.recipient(), queued.subject(), queued.text()).setHtml(queued.html());
        mail.addHeader("Message-ID", queued.messageId());
        if (queued.unsubscribeUrl() != null) {
            mail.addHeader("List-Unsubscribe", "<" + queued.unsubscribeUrl() + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        try {
            mailer.send(mail).await().atMost(config.sendTimeout());
            return new Result(MailStatus.SENT, null);
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    static Result classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPException smtp && smtp.isPermanent()) {
                boolean mailbox = MAILBOX_CODES.contains(smtp.getReplyCode())
                        || (smtp.getEnhancedStatus() != null && smtp.getEnhancedStatus().getSubject() == 1);
                return new Result(mailbox ? MailStatus.BOUNCED : MailStatus.REFUSED, answer(smtp));
            }
        }
        return new Result(MailStatus.PENDING, shorten(failure.toString()));
    }

    private static String answer(SMTPException smtp) {
        return shorten(smtp.getReplyCode() + " " + smtp.getReplyMessage());
    }

    private static String shorten(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500);
    }
}
