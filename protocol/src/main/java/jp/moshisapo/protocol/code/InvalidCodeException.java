package jp.moshisapo.protocol.code;

/** A string that is not a printed code; {@link #reason()} says why, so each caller can word its own message. */
public final class InvalidCodeException extends IllegalArgumentException {

    /** Why the input is not a code. */
    public enum Reason {
        EMPTY, INVALID_CHARACTER, WRONG_LENGTH, CHECK_MISMATCH
    }

    private final Reason reason;

    public InvalidCodeException(Reason reason, String input) {
        super("not a printed code (" + reason + "): " + abbreviate(input));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    private static String abbreviate(String input) {
        return input.length() <= 40 ? input : input.substring(0, 40) + "…";
    }
}
