package jp.moshisapo.facility.management;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret a venue keeps to manage its codes: 256 random bits, shown once; the database holds only its
 * SHA-256 (a long random secret needs no slow hash: there is nothing to guess from).
 */
public final class ManagementToken {

    private static final int BYTES = 32;

    private ManagementToken() {
    }

    /** A new token, Base64url without padding (43 characters, safe in a URL fragment). */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Compares in constant time, so response times tell nothing about how much of a guess was right. */
    public static boolean matches(String presented, byte[] storedHash) {
        return MessageDigest.isEqual(hash(presented), storedHash);
    }
}
