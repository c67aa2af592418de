package jp.moshisapo.notification.problem;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One invalid field of a request: where ({@code codes[1]}, {@code window.to}) and what is wrong, for a person;
 * {@code english} is the same message for callers who asked for English (absent: the Japanese one is used).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldError(String field, String message, @JsonIgnore String english) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }

    public static FieldError of(String field, Text message) {
        return new FieldError(field, message.ja(), message.en());
    }

    /** The error as a caller in {@code language} reads it. */
    FieldError in(Language language) {
        return new FieldError(field, language == Language.EN && english != null ? english : message, null);
    }
}
