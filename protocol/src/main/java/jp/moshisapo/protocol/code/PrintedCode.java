package jp.moshisapo.protocol.code;

import java.security.SecureRandom;

/**
 * The code printed under a venue's QR code and read out over the phone: 8 random Crockford base32 characters
 * (40 bits from a CSPRNG, so not guessable) and one check character, shown as {@code XXXX-XXXX-C}.
 *
 * <p>The check character is Luhn mod 32 over the 8 characters: it catches every single mistyped character and
 * every swap of two neighbours but {@code 0}/{@code Z}, the two errors people make when reading a code aloud. It stays inside the base32
 * alphabet (Crockford's own mod-37 check adds symbols like {@code *~$=} that nobody can say on the phone).
 */
public record PrintedCode(String value) {

    /** Crockford base32: digits and letters without I, L, O, U. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public static final int RANDOM_LENGTH = 8;
    public static final int LENGTH = RANDOM_LENGTH + 1;

    public PrintedCode {
        if (value == null || value.length() != LENGTH || !value.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)
                || checkCharacter(value.substring(0, RANDOM_LENGTH)) != value.charAt(RANDOM_LENGTH)) {
            throw new InvalidCodeException(InvalidCodeException.Reason.CHECK_MISMATCH, String.valueOf(value));
        }
    }

    /**
     * Reads a code the way people type it: any case, with or without hyphens or spaces, O for 0 and I or L for 1.
     * Full-width characters (typed with a Japanese IME) are accepted too.
     */
    public static PrintedCode parse(String input) {
        if (input == null) {
            throw new InvalidCodeException(InvalidCodeException.Reason.EMPTY, "");
        }
        StringBuilder canonical = new StringBuilder(LENGTH);
        for (int i = 0; i < input.length(); i++) {
            char c = normalise(input.charAt(i));
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0) {
                throw new InvalidCodeException(InvalidCodeException.Reason.INVALID_CHARACTER, input);
            }
            if (canonical.length() == LENGTH) {
                throw new InvalidCodeException(InvalidCodeException.Reason.WRONG_LENGTH, input);
            }
            canonical.append(c);
        }
        if (canonical.isEmpty()) {
            throw new InvalidCodeException(InvalidCodeException.Reason.EMPTY, input);
        }
        if (canonical.length() != LENGTH) {
            throw new InvalidCodeException(InvalidCodeException.Reason.WRONG_LENGTH, input);
        }
        String code = canonical.toString();
        if (checkCharacter(code.substring(0, RANDOM_LENGTH)) != code.charAt(RANDOM_LENGTH)) {
            throw new InvalidCodeException(InvalidCodeException.Reason.CHECK_MISMATCH, input);
        }
        return new PrintedCode(code);
    }

    /**
     * Part of a code as people type it (the same leniency as {@link #parse}), in canonical characters, or empty when
     * the text holds a character no code has. No check character is asked for: staff search by what they can read.
     */
    public static java.util.Optional<String> fragment(String input) {
        StringBuilder canonical = new StringBuilder(LENGTH);
        for (int i = 0; i < input.length(); i++) {
            char c = normalise(input.charAt(i));
            if (c == '-' || Character.isWhitespace(c)) {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || canonical.length() == LENGTH) {
                return java.util.Optional.empty();
            }
            canonical.append(c);
        }
        return canonical.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(canonical.toString());
    }

    /** A new random code; uniqueness is the issuer's job (the store rejects a code it has ever issued). */
    public static PrintedCode generate(SecureRandom random) {
        char[] chars = new char[RANDOM_LENGTH];
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        String body = new String(chars);
        return new PrintedCode(body + checkCharacter(body));
    }

    /** {@code ABCDEFGHJ}: keys, URLs, events. */
    public String canonical() {
        return value;
    }

    /** {@code ABCD-EFGH-J}: what people see and read out. */
    public String display() {
        return value.substring(0, 4) + "-" + value.substring(4, 8) + "-" + value.substring(8);
    }

    @Override
    public String toString() {
        return display();
    }

    /** Luhn mod N (N = 32) check character. */
    static char checkCharacter(String body) {
        int factor = 2;
        int sum = 0;
        int n = ALPHABET.length();
        for (int i = body.length() - 1; i >= 0; i--) {
            int addend = factor * ALPHABET.indexOf(body.charAt(i));
            factor = factor == 2 ? 1 : 2;
            sum += addend / n + addend % n;
        }
        return ALPHABET.charAt((n - sum % n) % n);
    }

    private static char normalise(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0); // full-width ASCII → ASCII
        } else if (c == '\u30FC' || c == '\u2010' || c == '\u2011' || c == '\u2012' || c == '\u2013'
                || c == '\u2212') {
            c = '-'; // long-vowel mark and dashes people type for a hyphen
        }
        c = Character.toUpperCase(c);
        return switch (c) {
            case 'O' -> '0';
            case 'I', 'L' -> '1';
            default -> c;
        };
    }
}
