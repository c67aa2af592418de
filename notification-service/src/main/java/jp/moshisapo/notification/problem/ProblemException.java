package jp.moshisapo.notification.problem;

import java.util.List;
import java.util.Map;

/** A request the service refuses for a reason the caller can act on; the mapper turns it into problem+json. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors,
            Map<String, Object> extensions) {
        super(title + ": " + detail);
        this.problem = new Problem(Problem.type(slug), title, status, detail, null, List.copyOf(errors),
                Map.copyOf(extensions));
    }

    public Problem problem() {
        return problem;
    }

    /** 400: the request is malformed; each field error says what to fix. */
    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(400, "invalid-request", "Invalid request",
                "入力内容に誤りがあります。各項目のメッセージを確認してください。", errors, Map.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    /** 409: the action does not fit the case's current state. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "state-conflict", "Not possible in the current state", detail);
    }
}
