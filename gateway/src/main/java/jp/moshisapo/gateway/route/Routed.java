package jp.moshisapo.gateway.route;

import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/** What {@link RouteResolver} found out about a request, read by the handlers after it. */
public final class Routed {

    static final String ROUTE = "moshisapo.route";
    static final String CANONICAL_PATH = "moshisapo.canonicalPath";
    /**
     * Read by Quarkus's HTTP metrics from the request's own (duplicated) Vert.x context: requests are tagged by
     * route pattern, not by raw path, which would make one time series per printed code.
     */
    static final String METRICS_URI_TEMPLATE = "UrlPathTemplate";

    private Routed() {
    }

    /** The request's route, or null when it has none (then it was answered 400/404). */
    public static Route route(RoutingContext ctx) {
        return ctx.get(ROUTE);
    }

    /** The path as the route table saw it, or null when it was refused as unreadable (400). */
    public static String canonicalPath(RoutingContext ctx) {
        return ctx.get(CANONICAL_PATH);
    }

    static void rememberPath(RoutingContext ctx, String canonicalPath) {
        ctx.put(CANONICAL_PATH, canonicalPath);
    }

    static void rememberRoute(RoutingContext ctx, Route route) {
        ctx.put(ROUTE, route);
        Context requestContext = ((HttpServerRequestInternal) ctx.request()).context();
        if (VertxContext.isDuplicatedContext(requestContext)) {
            requestContext.putLocal(METRICS_URI_TEMPLATE, route.template());
        }
    }
}
