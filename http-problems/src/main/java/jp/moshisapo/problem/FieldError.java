package jp.moshisapo.problem;

/**
 * One rejected field as the caller reads it: {@code field} is its JSON path ({@code rooms[2]},
 * {@code window.to}; empty for the body as a whole), {@code message} says what to fix, in the caller's language.
 */
public record FieldError(String field, String message) {
}
