package jp.moshisapo.facility.notice;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.problem.Refusals;
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
        String subject = text(request.subject(), "subject", MAX_SUBJECT, CONTROL, errors);
        String body = text(request.body(), "body", MAX_BODY, BODY_CONTROL, errors);
        String url = surveyUrl(request.surveyUrl(), errors);
        List<BusinessType> types = new ArrayList<>();
        List<String> typeNames = request.businessTypes() == null ? List.of() : request.businessTypes();
        for (int i = 0; i < typeNames.size(); i++) {
            try {
                types.add(BusinessType.valueOf(String.valueOf(typeNames.get(i))));
            } catch (IllegalArgumentException e) {
                errors.add(FieldProblem.of("businessTypes[" + i + "]", "field.notice.business-type.unknown"));
            }
        }
        List<String> municipalities = new ArrayList<>();
        List<String> names = request.municipalities() == null ? List.of() : request.municipalities();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).strip();
            if (name.length() > MAX_MUNICIPALITY || !MUNICIPALITY.matcher(name).matches()) {
                errors.add(FieldProblem.of("municipalities[" + i + "]", "field.notice.municipality.unknown"));
            } else {
                municipalities.add(name);
            }
        }
        if (!errors.isEmpty()) {
            throw Refusals.invalid(errors);
        }
        return new Valid(subject, body, url, new Audience(types, municipalities));
    }

    private static String text(String value, String field, int max, Pattern forbidden, List<FieldProblem> errors) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.add(FieldProblem.of(field, "field.notice." + field + ".required"));
        } else if (text.codePointCount(0, text.length()) > max) {
            errors.add(FieldProblem.of(field, "field.too-long", max));
        } else if (forbidden.matcher(text).find()) {
            errors.add(FieldProblem.of(field, "field.control-characters"));
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
        errors.add(FieldProblem.of("surveyUrl", "field.notice.survey-url.invalid"));
        return null;
    }
}
