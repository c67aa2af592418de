package jp.moshisapo.facility.staff;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.facility.text.VenueTexts;

/**
 * A staff search as parsed from the query string: the text (a name, address, phone number, postal code or part of a
 * printed code), the filters and the page. Bad parameters are a 400 problem naming each one.
 *
 * @param text the typed text, trimmed, or null for a search by filters alone
 * @param digits the text's digits when it reads as a phone number or postal code (digits and - ( ) 〒 + only), else null
 * @param codeFragment the text as part of a printed code (canonical characters, 3 or more), else null
 */
public record VenueQuery(String text, String digits, String codeFragment, BusinessType businessType,
        String municipality, int page, int size) {

    public static final int MAX_TEXT = 100;
    public static final int MAX_SIZE = 50;
    public static final int DEFAULT_SIZE = 20;
    /** Deep pages cost an ever longer skip; nobody reads past the 2,000th venue of a search, they narrow it. */
    public static final int MAX_PAGE = 100;
    private static final int MIN_DIGITS = 3;

    public static VenueQuery parse(String q, String businessType, String municipality, String page, String size) {
        List<FieldProblem> errors = new ArrayList<>();
        String text = blankToNull(q);
        if (text != null) {
            String compact = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s", "");
            int length = compact.codePointCount(0, compact.length());
            if (text.length() > MAX_TEXT) {
                errors.add(FieldProblem.of("q", t -> t.field_search_q_too_long(MAX_TEXT)));
            } else if (length < 2) {
                // One character matches thousands of venues and no index can narrow it.
                errors.add(FieldProblem.of("q", VenueTexts::field_search_q_too_short));
            }
        }
        BusinessType type = null;
        if (blankToNull(businessType) != null) {
            try {
                type = BusinessType.valueOf(businessType.strip());
            } catch (IllegalArgumentException e) {
                errors.add(FieldProblem.of("businessType", VenueTexts::field_search_businessType));
            }
        }
        String place = blankToNull(municipality);
        if (place != null && place.length() > 20) {
            errors.add(FieldProblem.of("municipality", VenueTexts::field_search_municipality));
        }
        int pageNumber = number(page, 1, 1, MAX_PAGE, "page", errors);
        int pageSize = number(size, DEFAULT_SIZE, 1, MAX_SIZE, "size", errors);
        if (text == null && type == null && place == null && errors.isEmpty()) {
            errors.add(FieldProblem.of("q", VenueTexts::field_search_empty));
        }
        if (!errors.isEmpty()) {
            throw Refusals.invalid(errors);
        }
        String normalisedPlace = place == null ? null : Normalizer.normalize(place, Normalizer.Form.NFKC).strip();
        return new VenueQuery(text, text == null ? null : digits(text).orElse(null),
                text == null ? null : PrintedCode.fragment(text).filter(f -> f.length() >= 3).orElse(null), type,
                normalisedPlace, pageNumber, pageSize);
    }

    /** What the audit log keeps of the search: the criteria as typed and the page. */
    public Map<String, Object> auditDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("q", text);
        details.put("businessType", businessType);
        details.put("municipality", municipality);
        details.put("page", page);
        details.put("size", size);
        return details;
    }

    /** The digits of a text that is only a phone number or postal code (020-8570, 〒0208570, (019) 629-5487). */
    private static Optional<String> digits(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKC);
        if (!plain.matches("[0-9\\-()〒+\\s‐−ー]+")) {
            return Optional.empty();
        }
        String digits = plain.replaceAll("[^0-9]", "");
        return digits.length() >= MIN_DIGITS ? Optional.of(digits) : Optional.empty();
    }

    private static int number(String value, int fallback, int min, int max, String field, List<FieldProblem> errors) {
        if (blankToNull(value) == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(FieldProblem.of(field, t -> t.field_search_range(min, max)));
        return fallback;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
