package jp.moshisapo.notification.problem;

/** One invalid field of a request: where ({@code codes[1]}, {@code window.to}) and what is wrong, for a person. */
public record FieldError(String field, String message) {
}
