package jp.moshisapo.linesim;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Identifiers in the formats the LINE platform uses, so the services meet the same shapes as in production. */
public final class LineIds {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final char[] TOKEN_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();
    // LINE message ids are 18-digit decimal strings that grow over time.
    private static final AtomicLong MESSAGE_IDS = new AtomicLong(500_000_000_000_000_000L + System.currentTimeMillis());

    private LineIds() {
    }

    /** A LINE-format user id ("U" + 32 lowercase hex) derived from a name, the same for the same name. */
    public static String userIdFor(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return "U" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** A user id as given, or the id {@link #userIdFor(String)} derives when it is a plain name. */
    public static String userIdOrNameToId(String userIdOrName) {
        return isUserId(userIdOrName) ? userIdOrName : userIdFor(userIdOrName);
    }

    /** True for "U" + 32 lowercase hex; hand-written because multicast checks 100,000 ids a second. */
    public static boolean isUserId(String value) {
        return value != null && value.length() == 33 && value.charAt(0) == 'U' && isLowerHex(value);
    }

    /** Push accepts user, group (C…) and room (R…) ids. */
    public static boolean isPushTarget(String value) {
        return value != null && value.length() == 33 && "UCR".indexOf(value.charAt(0)) >= 0 && isLowerHex(value);
    }

    private static boolean isLowerHex(String value) {
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The user id unchanged, or an {@link IllegalArgumentException} saying which format LINE uses. */
    public static String requireUserId(String value) {
        if (!isUserId(value)) {
            throw new IllegalArgumentException("not a LINE user id (expected U + 32 lowercase hex characters)");
        }
        return value;
    }

    /** A 26-character ULID-like id (48-bit time + 80 random bits, Crockford base32), like webhookEventId. */
    public static String webhookEventId() {
        long time = System.currentTimeMillis();
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        byte[] random = randomBytes(16);
        for (int i = 10; i < 26; i++) {
            out[i] = CROCKFORD[random[i - 10] & 31]; // 256 is a multiple of 32: every character equally likely
        }
        return new String(out);
    }

    public static String messageId() {
        return Long.toString(MESSAGE_IDS.incrementAndGet());
    }

    /** Reply tokens are 32 lowercase hex characters. */
    public static String replyToken() {
        return HexFormat.of().formatHex(randomBytes(16));
    }

    /** Quote tokens are opaque URL-safe strings. */
    public static String quoteToken() {
        char[] out = new char[43];
        byte[] random = randomBytes(out.length);
        for (int i = 0; i < out.length; i++) {
            out[i] = TOKEN_CHARS[random[i] & 63]; // 64 characters: every one equally likely
        }
        return new String(out);
    }

    /** Value of the x-line-request-id header. */
    public static String requestId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Random bytes for one identifier, in one call: the generator is shared and synchronised, and drawing each
     * character on its own (16 calls an event id, 43 a quote token) made it the simulator's busiest lock under load.
     */
    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** The bot's own user id, sent as "destination" in every webhook body. */
    public static String botUserIdFor(String botBasicId) {
        return userIdFor("bot:" + botBasicId);
    }
}
