package jp.moshisapo.gateway.auth;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jp.moshisapo.gateway.problem.ProblemResponses;
import jp.moshisapo.gateway.route.Access;
import jp.moshisapo.gateway.route.Routed;

/** A staff route without any bearer token is refused (401) at once, before anything is spent on it. */
public final class BearerTokenRequired implements Handler<RoutingContext> {

    @Override
    public void handle(RoutingContext ctx) {
        if (Routed.route(ctx).access() == Access.STAFF_TOKEN && !hasBearerToken(ctx)) {
            ProblemResponses.sendUnauthorized(ctx);
            return;
        }
        ctx.next();
    }

    private static boolean hasBearerToken(RoutingContext ctx) {
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && authorization.length() > 7;
    }
}
