package jp.moshisapo.linesim.resident;

/** A resident action LINE would not allow or that cannot happen as asked (no such button, bad QR redirect). */
public final class ResidentActionException extends RuntimeException {
    public ResidentActionException(String message) {
        super(message);
    }
}
