package jp.moshisapo.facility.venue;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/** A Japanese postal code: 7 digits, shown as {@code 123-4567}. */
public record PostalCode(String digits) {

    private static final Pattern SEVEN_DIGITS = Pattern.compile("[0-9]{7}");
    private static final Pattern TYPED = Pattern.compile("([0-9]{3})-?([0-9]{4})");

    public PostalCode {
        if (digits == null || !SEVEN_DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("not a 7-digit postal code");
        }
    }

    /** Reads {@code 1234567} or {@code 123-4567}, also typed in full width or with 〒 in front. */
    public static Optional<PostalCode> parse(String input) {
        String text = Normalizer.normalize(input, Normalizer.Form.NFKC).strip()
                .replaceFirst("^〒\\s*", "")
                .replace('ー', '-').replace('‐', '-').replace('−', '-');
        var matcher = TYPED.matcher(text);
        return matcher.matches() ? Optional.of(new PostalCode(matcher.group(1) + matcher.group(2))) : Optional.empty();
    }

    public String display() {
        return digits.substring(0, 3) + "-" + digits.substring(3);
    }
}
