package jp.moshisapo.gateway.route;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import jp.moshisapo.gateway.problem.ProblemResponses;
import jp.moshisapo.gateway.problem.Problems;

/** Finds the request's route before anything else is spent on it: unknown paths end here with 404. */
public final class RouteResolver implements Handler<RoutingContext> {

    private final RouteTable table;

    public RouteResolver(RouteTable table) {
        this.table = table;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Optional<String> path = CanonicalPath.of(request.path());
        if (path.isEmpty()) {
            ProblemResponses.send(ctx, Problems.badRequest());
            return;
        }
        Routed.rememberPath(ctx, path.get());
        Optional<Route> route = table.match(request.method().name(), path.get());
        if (route.isEmpty()) {
            ProblemResponses.send(ctx, Problems.notFound());
            return;
        }
        Routed.rememberRoute(ctx, route.get());
        if (!request.isEnded()) {
            // the body waits for the proxy: checking a staff token may finish on a later event-loop turn, and
            // a body chunk arriving in between with nobody listening would be lost
            request.pause();
        }
        ctx.next();
    }
}
