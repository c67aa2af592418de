package jp.moshisapo.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by business code for a request it refuses for a reason the caller can act on; the service's mapper
 * answers it as problem+json in the caller's language. No stack trace is taken: it is an answer, not a bug.
 */
public class ProblemException extends RuntimeException {

    private final BilingualProblem problem;
    private final Map<String, String> headers;

    public ProblemException(BilingualProblem problem) {
        this(problem, Map.of());
    }

    private ProblemException(BilingualProblem problem, Map<String, String> headers) {
        super(problem.status() + " " + problem.slug() + ": " + problem.detail().en(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    /** A problem whose title is the same in both languages (one only operators read). */
    public ProblemException(int status, String slug, String title, Text detail) {
        this(new BilingualProblem(status, slug, Text.same(title), detail));
    }

    public ProblemException(int status, String slug, String title, Text detail, List<InvalidField> errors,
            Map<String, Object> extensions) {
        this(new BilingualProblem(status, slug, Text.same(title), detail, errors, extensions));
    }

    /** The same refusal with a response header, e.g. the {@code WWW-Authenticate} challenge of a 401. */
    public ProblemException withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ProblemException(problem, more);
    }

    public BilingualProblem problem() {
        return problem;
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** 400: some fields are wrong; each field error says what to fix. */
    public static ProblemException invalid(List<InvalidField> errors) {
        return new ProblemException(Problems.invalidInput(errors));
    }

    public static ProblemException invalid(InvalidField error) {
        return invalid(List.of(error));
    }

    /** 404 with a detail that says what was not found. */
    public static ProblemException notFound(Text detail) {
        return new ProblemException(Problems.notFound().withDetail(detail));
    }

    /** 409: the action does not fit the current state of what it acts on. */
    public static ProblemException conflict(Text detail) {
        return new ProblemException(Problems.conflict(detail));
    }
}
