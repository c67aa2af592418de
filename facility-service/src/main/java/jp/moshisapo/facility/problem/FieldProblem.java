package jp.moshisapo.facility.problem;

import java.util.List;

/** A rejected field and the text key (plus arguments) of the message to show beside it. */
public record FieldProblem(String field, String messageKey, List<Object> args) {

    public static FieldProblem of(String field, String messageKey, Object... args) {
        return new FieldProblem(field, messageKey, List.of(args));
    }
}
