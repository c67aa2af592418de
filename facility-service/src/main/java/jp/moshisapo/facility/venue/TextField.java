package jp.moshisapo.facility.venue;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.moshisapo.facility.problem.FieldProblem;

/** Rules shared by the free-text fields: trimmed, required or not, a length limit, one line of text. */
public final class TextField {

    // Line breaks and other control characters would break the poster layout and the CSV exports staff use.
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

    private TextField() {
    }

    /** The trimmed value, or empty after adding the field's error to {@code errors}. */
    public static Optional<String> check(String field, String messagePrefix, String value, boolean required,
            int maxLength, List<FieldProblem> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            if (required) {
                errors.add(FieldProblem.of(field, messagePrefix + ".required"));
                return Optional.empty();
            }
            return Optional.of("");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            errors.add(FieldProblem.of(field, "field.too-long", maxLength));
            return Optional.empty();
        }
        if (CONTROL.matcher(text).find()) {
            errors.add(FieldProblem.of(field, "field.control-characters"));
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
