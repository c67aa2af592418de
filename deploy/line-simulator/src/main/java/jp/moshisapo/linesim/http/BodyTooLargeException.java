package jp.moshisapo.linesim.http;

import java.io.IOException;

/** A request body over {@link HttpIo#MAX_BODY_BYTES}; answered with 413 without reading the rest. */
public final class BodyTooLargeException extends IOException {
    public BodyTooLargeException(long limit) {
        super("request body larger than " + limit + " bytes");
    }
}
