package jp.moshisapo.e2e.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Every form in which the system could hold a resident, derived the way the services derive it
 * (docs/privacy.md, "How a person is identified"): the LINE user id; the pseudonym
 * {@code HMAC-SHA256(RESIDENT_PSEUDONYM_KEY as UTF-8, id)} (checkin-service {@code Pseudonymizer}); the resident key
 * {@code HMAC-SHA256(base64-decoded RESIDENT_INDEX_KEY, id)} (notification-service {@code ResidentIndex}). Each
 * derived identifier is looked for as raw bytes and as every text rendering a program is likely to write: hex in
 * both cases (PostgreSQL prints bytea as {@code \x} + lower-case hex), Base64 and Base64url with and without padding.
 */
public final class ResidentTraces {

    private ResidentTraces() {
    }

    /** The traces of the resident {@code label} with LINE user id {@code lineUserId}, under the stack's keys. */
    public static List<Trace> of(String label, String lineUserId, String pseudonymKey, String residentIndexKeyBase64) {
        List<Trace> traces = new ArrayList<>();
        traces.add(new Trace(label, "LINE user id", ascii(lineUserId), true));
        traces.add(new Trace(label, "LINE user id (upper case)", ascii(lineUserId.toUpperCase()), true));
        renderings(traces, label, "pseudonym",
                hmac(pseudonymKey.getBytes(StandardCharsets.UTF_8), lineUserId));
        renderings(traces, label, "resident key",
                hmac(Base64.getDecoder().decode(residentIndexKeyBase64.trim()), lineUserId));
        return traces;
    }

    private static void renderings(List<Trace> traces, String label, String name, byte[] value) {
        traces.add(new Trace(label, name + " (raw bytes)", value, false));
        traces.add(new Trace(label, name + " (hex)", ascii(HexFormat.of().formatHex(value)), true));
        traces.add(new Trace(label, name + " (HEX)", ascii(HexFormat.of().withUpperCase().formatHex(value)), true));
        // Without padding, so the same trace also finds the padded form.
        traces.add(new Trace(label, name + " (Base64)", ascii(Base64.getEncoder().withoutPadding()
                .encodeToString(value)), true));
        traces.add(new Trace(label, name + " (Base64url)", ascii(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(value)), true));
    }

    static byte[] hmac(byte[] key, String lineUserId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            // US-ASCII in ResidentIndex, UTF-8 in Pseudonymizer: the same bytes for a LINE id (U + 32 hex).
            return mac.doFinal(lineUserId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
