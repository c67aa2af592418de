package jp.moshisapo.gateway.requestid;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.MDC;

/**
 * Gives every request its id: kept from the client when sane, else generated; set on the request so the proxy
 * passes it upstream, put in the log context of this request, and returned to the client on every response.
 */
public final class RequestIdHandler implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String id = RequestIds.sanitise(request.getHeader(RequestIds.HEADER)).orElseGet(RequestIds::generate);
        request.headers().set(RequestIds.HEADER, id);
        ctx.put(RequestIds.CONTEXT_KEY, id);
        // Quarkus keeps the MDC per request (on the request's duplicated Vert.x context), not per thread
        MDC.put(RequestIds.MDC_KEY, id);
        ctx.addHeadersEndHandler(v -> ctx.response().headers().set(RequestIds.HEADER, id));
        ctx.next();
    }
}
