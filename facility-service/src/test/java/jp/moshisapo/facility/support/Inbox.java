package jp.moshisapo.facility.support;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import jp.moshisapo.servers.MailServer;
import jp.moshisapo.servers.SharedServers;

/** What the real SMTP server received, read as a mail client reads it. */
public final class Inbox {

    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private Inbox() {
    }

    public static MailServer server() {
        return SharedServers.mail();
    }

    /** A fresh address no other test writes to. */
    public static String newAddress(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.jp";
    }

    /** Waits (polling, with a deadline) until {@code address} has {@code count} mails and returns them. */
    public static List<MimeMessage> await(String address, int count) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            List<MimeMessage> mails = server().inbox(address);
            if (mails.size() >= count) {
                return mails;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(address + " received " + mails.size() + " mails within "
                        + DEADLINE.toSeconds() + " s, expected " + count);
            }
            pause();
        }
    }

    /** The mails {@code address} has now. */
    public static List<MimeMessage> now(String address) {
        return server().inbox(address);
    }

    public static String text(MimeMessage mail) {
        return part(mail, "text/plain");
    }

    public static String html(MimeMessage mail) {
        return part(mail, "text/html");
    }

    public static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    String found = part(child, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
