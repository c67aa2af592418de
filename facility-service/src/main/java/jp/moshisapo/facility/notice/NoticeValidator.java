package jp.moshisapo.facility.notice;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.text.VenueTexts;
import jp.moshisapo.facility.text.Wording;
import jp.moshisapo.facility.venue.BusinessType;

/** Checks a notice before anything is stored: every field's problem at once, at its field. */
final class NoticeValidator {

    static final int MAX_SUBJECT = 100;
    static final int MAX_BODY = 5000;
    static final int MAX_URL = 500;
    static final int MAX_MUNICIPALITY = 20;
    // A line break in a subject would let the text write headers of its own (header injection).
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");
    // The body is plain text: line breaks and tabs are fine, other control characters are not.
    private static final Pattern BODY_CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");
    private static final Pattern MUNICIPALITY = Pattern.compile("\\p{IsHan}[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}ー]*[市区町村]");

    private NoticeValidator() {
    }

    record Valid(String subject, String body, String surveyUrl, Audience audience) {
    }

    static Valid validate(NoticeRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        String subject = text(request.subject(), "subject", VenueTexts::field_notice_subject_required, MAX_SUBJECT,
                CONTROL, errors);
        String body = text(request.body(), "body", VenueTexts::field_notice_body_required, MAX_BODY,
                BODY_CONTROL, errors);
        String url = surveyUrl(request.surveyUrl(), errors);
        List<BusinessType> types = new ArrayList<>();
        List<String> typeNames = request.businessTypes() == null ? List.of() : request.businessTypes();
        for (int i = 0; i < typeNames.size(); i++) {
            try {
                types.add(BusinessType.valueOf(String.valueOf(typeNames.get(i))));
            } catch (IllegalArgumentException e) {
                errors.add(FieldProblem.of("businessTypes[" + i + "]", VenueTexts::field_notice_business_type_unknown));
            }
        }
        List<String> municipalities = new ArrayList<>();
        List<String> names = request.municipalities() == null ? List.of() : request.municipalities();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            if (name.length() > MAX_MUNICIPALITY || !MUNICIPALITY.matcher(name).matches()) {
                errors.add(FieldProblem.of("municipalities[" + i + "]", VenueTexts::field_notice_municipality_unknown));
            } else {
                municipalities.add(name);
            }
        }
        if (!errors.isEmpty()) {
            throw Refusals.invalid(errors);
        }
        return new Valid(subject, body, url, new Audience(types, municipalities));
    }

    private static String text(String value, String field, Wording whenMissing, int max, Pattern forbidden,
            List<FieldProblem> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.add(FieldProblem.of(field, whenMissing));
        } else if (text.codePointCount(0, text.length()) > max) {
            errors.add(FieldProblem.of(field, t -> t.field_too_long(max)));
        } else if (forbidden.matcher(text).find()) {
            errors.add(FieldProblem.of(field, VenueTexts::field_control_characters));
        }
        return text;
    }

    private static String surveyUrl(String value, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        try {
            URI uri = new URI(url);
            if (url.length() <= MAX_URL && "https".equals(uri.getScheme()) && uri.getHost() != null
                    && url.chars().noneMatch(c -> c <= ' ')) {
                return url;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        errors.add(FieldProblem.of("surveyUrl", VenueTexts::field_notice_survey_url_invalid));
        return null;
    }
}
