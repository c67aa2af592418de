package jp.moshisapo.facility.support;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/**
 * A generator of printed codes that gives the same codes in every run, for the tests that render codes and scan
 * them back. With random codes those tests failed about once in a hundred runs: zxing, the scanner the tests use,
 * misses about one QR symbol in 1,500 at every resolution tried (the symbol is well formed; its pattern trips
 * zxing's finder), so a test of eleven random cards scanned a code zxing cannot read now and then. The service no
 * longer issues such codes ({@code qr/ScannerCheck}); these tests draw codes themselves, and fixed ones keep the
 * build deterministic. The layout, the size and the quiet zone are still checked on every run.
 */
public final class FixedCodes {

    private FixedCodes() {
    }

    /** A SHA1PRNG seeded before its first use: deterministic, unlike a default SecureRandom. */
    public static SecureRandom random(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is in every JDK", e);
        }
    }
}
