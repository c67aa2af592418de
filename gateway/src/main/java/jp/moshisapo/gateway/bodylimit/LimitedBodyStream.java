package jp.moshisapo.gateway.bodylimit;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body on its way upstream that stops at a byte limit: for bodies sent without a Content-Length
 * (chunked), which can only be measured while they pass. Past the limit nothing more is forwarded and the
 * stream fails, which makes the proxy reset the upstream request: the service never sees a complete body.
 */
public final class LimitedBodyStream implements ReadStream<Buffer> {

    private final ReadStream<Buffer> source;
    private final long limit;
    private long received;
    private boolean exceeded;
    private Handler<Throwable> exceptionHandler;

    public LimitedBodyStream(ReadStream<Buffer> source, long limit) {
        this.source = source;
        this.limit = limit;
    }

    public boolean exceeded() {
        return exceeded;
    }

    public long limit() {
        return limit;
    }

    @Override
    public LimitedBodyStream handler(Handler<Buffer> handler) {
        if (handler == null) {
            source.handler(null);
            return this;
        }
        source.handler(chunk -> {
            if (exceeded) {
                return;
            }
            received += chunk.length();
            if (received > limit) {
                exceeded = true;
                Handler<Throwable> onError = exceptionHandler;
                if (onError != null) {
                    onError.handle(new BodyTooLargeException(limit));
                }
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public LimitedBodyStream exceptionHandler(Handler<Throwable> handler) {
        this.exceptionHandler = handler;
        source.exceptionHandler(handler);
        return this;
    }

    @Override
    public LimitedBodyStream pause() {
        source.pause();
        return this;
    }

    @Override
    public LimitedBodyStream resume() {
        source.resume();
        return this;
    }

    @Override
    public LimitedBodyStream fetch(long amount) {
        source.fetch(amount);
        return this;
    }

    @Override
    public LimitedBodyStream endHandler(Handler<Void> endHandler) {
        source.endHandler(endHandler);
        return this;
    }

    /** Why the body stopped; the proxy turns it into 413. */
    public static final class BodyTooLargeException extends RuntimeException {

        BodyTooLargeException(long limit) {
            super("request body over " + limit + " bytes", null, false, false);
        }
    }
}
