package jp.moshisapo.notification.problem;

import java.util.List;
import java.util.Map;

/** A request the service refuses for a reason the caller can act on; the mapper turns it into problem+json. */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final String englishDetail;

    /** A problem whose detail is the same in every language (an HTTP reason phrase). */
    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, Text.of(detail, detail), List.of(), Map.of());
    }

    public ProblemException(int status, String slug, String title, Text detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    public ProblemException(int status, String slug, String title, Text detail, List<FieldError> errors,
            Map<String, Object> extensions) {
        super(title + ": " + detail.en());
        this.problem = new Problem(Problem.type(slug), title, status, detail.ja(), null, List.copyOf(errors),
                Map.copyOf(extensions));
        this.englishDetail = detail.en();
    }

    /** The problem in Japanese. */
    public Problem problem() {
        return problem;
    }

    /** The problem as a caller in {@code language} reads it: detail and field messages translated. */
    public Problem problem(Language language) {
        return new Problem(problem.type(), problem.title(), problem.status(),
                language == Language.EN ? englishDetail : problem.detail(), problem.instance(),
                problem.errors().stream().map(error -> error.in(language)).toList(), problem.extensions());
    }

    /** 400: the request is malformed; each field error says what to fix. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "invalid-request", "Invalid request", Text.of(
                "入力内容に誤りがあります。各項目のメッセージを確認してください。",
                "Some fields are not valid. See the message of each field."), errors, Map.of());
    }

    public static ProblemException notFound(Text detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    /** 409: the action does not fit the case's current state. */
    public static ProblemException conflict(Text detail) {
        return new ProblemException(409, "state-conflict", "Not possible in the current state", detail);
    }
}
