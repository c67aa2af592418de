package jp.moshisapo.facility.mail;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address the service will write to: one mailbox, ASCII, no display name, nothing an SMTP command or a header
 * could be split at. Stricter than RFC 5322 on purpose: a comma, quote or angle bracket in a venue's address is a
 * typo or an attempt to add recipients, never a mailbox a venue uses.
 */
public final class MailAddress {

    public static final int MAX_LENGTH = 254;

    // Local part: RFC 5321 atext in dot-separated atoms; domain: LDH labels with a letter-only top level.
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private MailAddress() {
    }

    /**
     * The address as it will be stored and written to (full-width characters folded, spaces trimmed), or empty
     * when it is not one mailbox.
     */
    public static Optional<String> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String address = Normalizer.normalize(input, Normalizer.Form.NFKC).strip();
        if (address.length() > MAX_LENGTH || address.indexOf('@') > 64 || !ADDRESS.matcher(address).matches()) {
            return Optional.empty();
        }
        return Optional.of(address);
    }

    /** The key two spellings of one address share (domains are case-insensitive; so, in practice, local parts). */
    public static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }
}
