package jp.moshisapo.servers;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The authenticator app of a drill user: a TOTP secret (RFC 6238, HmacSHA1, 6 digits, 30 s, as the production
 * realm's OTP policy) that {@link KeycloakAdminApi#createUserWithTotp} registers and that produces the codes the
 * login page asks approvers for.
 */
public final class Totp {

    private static final int PERIOD_SECONDS = 30;
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final String secret;
    private long lastCounter = Long.MIN_VALUE;

    private Totp(String secret) {
        this.secret = secret;
    }

    /** A new random secret of 20 characters. */
    public static Totp random() {
        SecureRandom random = new SecureRandom();
        StringBuilder secret = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            secret.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new Totp(secret.toString());
    }

    /** An authenticator for a known secret (the HMAC key's UTF-8 text). */
    public static Totp of(String secret) {
        return new Totp(secret);
    }

    /** The secret as Keycloak stores it ({@code secretData.value}: the HMAC key's UTF-8 text). */
    public String secret() {
        return secret;
    }

    /**
     * A code of the current period that this instance has not handed out before. Keycloak refuses a code twice and
     * (measured with 26.5) also the next period's code, so a second login within one 30 s period waits for the next.
     */
    public synchronized String nextCode() {
        Wait.until("the next TOTP period", Duration.ofSeconds(PERIOD_SECONDS * 2L),
                () -> currentCounter() > lastCounter);
        lastCounter = currentCounter();
        return code(lastCounter);
    }

    /** The code of period {@code counter} (seconds since the epoch / 30). */
    String code(long counter) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(counter).array());
            int offset = hash[hash.length - 1] & 0x0f;
            int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                    | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
            return String.format("%06d", binary % 1_000_000);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long currentCounter() {
        return System.currentTimeMillis() / 1000 / PERIOD_SECONDS;
    }
}
