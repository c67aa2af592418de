package jp.moshisapo.gateway.headers;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/** Applies {@link SecurityHeaders} just before any response's headers go out. */
public final class SecurityHeadersHandler implements Handler<RoutingContext> {

    private final SecurityHeaders headers;

    public SecurityHeadersHandler(SecurityHeaders headers) {
        this.headers = headers;
    }

    @Override
    public void handle(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> headers.apply(ctx.response().headers()));
        ctx.next();
    }
}
