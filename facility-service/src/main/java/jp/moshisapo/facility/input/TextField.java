package jp.moshisapo.facility.input;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.text.Wording;
import jp.moshisapo.facility.text.VenueTexts;

/** Rules shared by the free-text fields: trimmed, required or not, a length limit, one line of text. */
public final class TextField {

    // Line breaks and other control characters would break the poster layout and the CSV exports staff use.
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

    private TextField() {
    }

    /** The trimmed value, or empty after adding the field's error ({@code whenMissing} if blank) to {@code errors}. */
    public static Optional<String> required(String field, String value, Wording whenMissing, int maxLength,
            List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            errors.add(FieldProblem.of(field, whenMissing));
            return Optional.empty();
        }
        return optional(field, value, maxLength, errors);
    }

    /** The trimmed value ({@code ""} if blank), or empty after adding the field's error to {@code errors}. */
    public static Optional<String> optional(String field, String value, int maxLength, List<FieldProblem> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            return Optional.of("");
        }
        if (text.codePointCount(0, text.length()) > maxLength) {
            errors.add(FieldProblem.of(field, t -> t.field_too_long(maxLength)));
            return Optional.empty();
        }
        if (CONTROL.matcher(text).find()) {
            errors.add(FieldProblem.of(field, VenueTexts::field_control_characters));
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
