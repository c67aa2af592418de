package jp.moshisapo.gateway.accesslog;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jp.moshisapo.gateway.requestid.RequestIds;
import jp.moshisapo.gateway.route.Route;
import jp.moshisapo.gateway.route.Routed;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * One JSON line per request on the logger {@code moshisapo.access}. Only what operators need and nothing
 * personal: the path without its query (queries may carry secrets), never a header (tokens, signatures), never
 * a body (LINE user ids), no client address.
 */
public final class AccessLogHandler implements Handler<RoutingContext> {

    public static final String CATEGORY = "moshisapo.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    @Override
    public void handle(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addEndHandler(done -> log(ctx, start, done.succeeded()));
        ctx.next();
    }

    private static void log(RoutingContext ctx, long start, boolean completed) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        Route route = Routed.route(ctx);
        String requestId = RequestIds.of(ctx);
        JsonObject line = new JsonObject()
                .put("method", request.method().name())
                .put("path", Routed.canonicalPath(ctx) != null ? Routed.canonicalPath(ctx) : "(unreadable)")
                .put("status", response.getStatusCode())
                .put("durationMs", Math.round((System.nanoTime() - start) / 10_000.0) / 100.0)
                .put("bytesSent", response.bytesWritten())
                .put("route", route == null ? null : route.name())
                .put("upstream", route == null ? null : route.target().displayName())
                .put("requestId", requestId);
        if (!completed) {
            line.put("aborted", true); // the connection closed before the response was complete
        }
        // the end handler may run outside the request's log context; the line must still carry its id
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            LOG.info(line.encode());
        } finally {
            MDC.remove(RequestIds.MDC_KEY); // the request is over; nothing else may log under its id
        }
    }
}
