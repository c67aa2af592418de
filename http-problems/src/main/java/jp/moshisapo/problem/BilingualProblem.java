package jp.moshisapo.problem;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A problem with its texts in both languages, decided before the caller's language is known; {@link #in} gives
 * the document the caller reads. {@code extensions} are written as they are, in either language.
 */
public record BilingualProblem(int status, String slug, Text title, Text detail, List<InvalidField> errors,
        Map<String, Object> extensions) {

    public BilingualProblem {
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
    }

    public BilingualProblem(int status, String slug, Text title, Text detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    public String type() {
        return Problem.type(slug);
    }

    /** The same kind with the status a framework chose (411, 414, 502…). */
    public BilingualProblem withStatus(int otherStatus) {
        return new BilingualProblem(otherStatus, slug, title, detail, errors, extensions);
    }

    public BilingualProblem withDetail(Text otherDetail) {
        return new BilingualProblem(status, slug, title, otherDetail, errors, extensions);
    }

    public BilingualProblem withErrors(List<InvalidField> fieldErrors) {
        return new BilingualProblem(status, slug, title, detail, fieldErrors, extensions);
    }

    public BilingualProblem withExtension(String name, Object value) {
        Map<String, Object> more = new HashMap<>(extensions);
        more.put(name, value);
        return new BilingualProblem(status, slug, title, detail, errors, more);
    }

    /** The document for a caller in {@code language}; {@code instance} is the request's path, or null. */
    public Problem in(Language language, String instance) {
        return new Problem(type(), title.in(language), status, detail.in(language), instance,
                errors.stream().map(error -> error.in(language)).toList(), extensions);
    }
}
