package jp.moshisapo.servers;

/** A server the project starts itself could not be started; the message says what is missing. */
public final class ServerStartException extends RuntimeException {

    public ServerStartException(String message) {
        super(message);
    }

    public ServerStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
