package jp.moshisapo.facility.problem;

import java.util.List;

/**
 * Thrown by business code for any request it refuses; the mapper turns it into problem+json in the caller's
 * language. Carries text keys, never finished sentences, so the language is chosen in one place.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final String detailKey;
    private final List<FieldProblem> errors;

    public ProblemException(ProblemType type, String detailKey, List<FieldProblem> errors) {
        super(type + " " + detailKey, null, false, false);
        this.type = type;
        this.detailKey = detailKey;
        this.errors = List.copyOf(errors);
    }

    /** 400 with the given per-field errors. */
    public static ProblemException invalid(List<FieldProblem> errors) {
        return new ProblemException(ProblemType.INVALID_INPUT, ProblemType.INVALID_INPUT.detailKey(), errors);
    }

    public static ProblemException invalid(FieldProblem error) {
        return invalid(List.of(error));
    }

    public static ProblemException notFound(String detailKey) {
        return new ProblemException(ProblemType.NOT_FOUND, detailKey, List.of());
    }

    public static ProblemException of(ProblemType type) {
        return new ProblemException(type, type.detailKey(), List.of());
    }

    public ProblemType type() {
        return type;
    }

    public String detailKey() {
        return detailKey;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
