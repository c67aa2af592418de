package jp.moshisapo.facility.problem;

import jp.moshisapo.facility.text.Wording;

/** A rejected field and the message to show beside it, worded in the caller's language when answered. */
public record FieldProblem(String field, Wording message) {

    public static FieldProblem of(String field, Wording message) {
        return new FieldProblem(field, message);
    }
}
