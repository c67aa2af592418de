package jp.moshisapo.linesim.resident;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * LINE's "send a prefilled message to an official account" link:
 * {@code https://line.me/R/oaMessage/{basic id, percent-encoded}/?{text, percent-encoded}}.
 *
 * @param basicId the official account's basic id, with @
 * @param text    the message LINE prefills in the chat
 */
public record OaMessageLink(String basicId, String text) {

    public static final String PREFIX = "https://line.me/R/oaMessage/";

    /**
     * Parses the link. Percent-escapes are decoded as in any URI; '+' stays a plus sign, because LINE documents
     * percent-encoding (encodeURIComponent), not HTML form encoding.
     */
    public static OaMessageLink parse(String link) {
        if (link == null || !link.startsWith(PREFIX)) {
            throw new ResidentActionException("not a LINE oaMessage link (expected " + PREFIX + "{basic id}/?{text})");
        }
        String rest = link.substring(PREFIX.length());
        int separator = rest.indexOf("/?");
        if (separator <= 0) {
            throw new ResidentActionException("oaMessage link lacks '/?' between the basic id and the text");
        }
        String basicId = percentDecode(rest.substring(0, separator));
        String text = percentDecode(rest.substring(separator + 2));
        if (text.isBlank()) {
            throw new ResidentActionException("oaMessage link carries no text to send");
        }
        return new OaMessageLink(basicId, text);
    }

    static String percentDecode(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw new ResidentActionException("oaMessage link has a broken %-escape");
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw new ResidentActionException("oaMessage link has a broken %-escape");
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else {
                byte[] raw = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(raw, 0, raw.length);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
