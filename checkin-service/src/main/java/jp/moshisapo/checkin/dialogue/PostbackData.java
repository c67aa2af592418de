package jp.moshisapo.checkin.dialogue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jp.moshisapo.protocol.code.InvalidCodeException;
import jp.moshisapo.protocol.code.PrintedCode;

/**
 * What a button of ours carries back in a postback event (LINE allows 300 characters): the consent answer with
 * the code and the scan time, or the answer to the erasure question. Only the LINE platform can send postbacks,
 * and only with data we put into a message, so the data is trusted like the rest of a signed webhook.
 */
public sealed interface PostbackData permits PostbackData.Consent, PostbackData.Erasure {

    /** 同意する / 同意しない for the code scanned at {@code scannedAt}. */
    record Consent(boolean accepted, PrintedCode code, Instant scannedAt) implements PostbackData {

        @Override
        public String encode() {
            return "consent=" + (accepted ? "yes" : "no") + "&code=" + code.canonical()
                    + "&scannedAt=" + scannedAt.toEpochMilli();
        }
    }

    /** 削除する / 削除しない. */
    record Erasure(boolean confirmed) implements PostbackData {

        @Override
        public String encode() {
            return "erase=" + (confirmed ? "yes" : "no");
        }
    }

    /** The {@code data} string of the postback action. */
    String encode();

    /** The data of a postback event; empty for data this service did not write (old or foreign buttons). */
    static Optional<PostbackData> parse(String data) {
        if (data == null || data.length() > 300) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : data.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        if (fields.containsKey("consent")) {
            return consent(fields);
        }
        String erase = fields.get("erase");
        if ("yes".equals(erase) || "no".equals(erase)) {
            return Optional.of(new Erasure("yes".equals(erase)));
        }
        return Optional.empty();
    }

    private static Optional<PostbackData> consent(Map<String, String> fields) {
        String answer = fields.get("consent");
        if (!"yes".equals(answer) && !"no".equals(answer)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Consent("yes".equals(answer), PrintedCode.parse(fields.get("code")),
                    Instant.ofEpochMilli(Long.parseLong(fields.getOrDefault("scannedAt", "")))));
        } catch (InvalidCodeException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
