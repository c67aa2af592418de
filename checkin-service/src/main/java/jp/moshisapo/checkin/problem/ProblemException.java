package jp.moshisapo.checkin.problem;

import java.util.List;

/** Thrown for a request this service refuses; {@link ProblemMappers} answers it as problem+json. */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detail;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail, List<Problem.FieldError> errors) {
        super(type + ": " + detail, null, false, false);
        this.type = type;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException of(ProblemType type) {
        return new ProblemException(type, type.detail(), List.of());
    }

    public static ProblemException malformed(String field, String message) {
        return new ProblemException(ProblemType.MALFORMED_BODY, ProblemType.MALFORMED_BODY.detail(),
                List.of(new Problem.FieldError(field, message)));
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem() {
        return new Problem(type.uri(), type.title(), type.status(), detail, errors);
    }
}
