package jp.moshisapo.facility.code;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import jp.moshisapo.protocol.code.PrintedCode;

/**
 * The LINE link a scanned QR leads to: {@code oaMessage} opens a chat with the official account with the
 * check-in text typed in (friends and non-friends alike); the resident only taps send. checkin-service finds the
 * printed code anywhere in the text, so the text keeps the code exactly as printed on the poster.
 */
public final class CheckinLink {

    public static final String TEXT_PREFIX = "チェックイン ";

    private CheckinLink() {
    }

    public static String text(PrintedCode code) {
        return TEXT_PREFIX + code.display();
    }

    public static String url(String lineBotBasicId, PrintedCode code) {
        return "https://line.me/R/oaMessage/" + encode(lineBotBasicId) + "/?" + encode(text(code));
    }

    /** Percent-encoding for a path segment or query: spaces as %20 (LINE does not read + as a space). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
