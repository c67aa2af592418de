package jp.moshisapo.problem;

/** A rejected field with its message in both languages, before the caller's language is known. */
public record InvalidField(String field, Text message) {

    public static InvalidField of(String field, Text message) {
        return new InvalidField(field, message);
    }

    public FieldError in(Language language) {
        return new FieldError(field, message.in(language));
    }
}
