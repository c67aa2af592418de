package jp.moshisapo.gateway.allowlist;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import jp.moshisapo.gateway.clientaddress.ClientAddress;
import jp.moshisapo.gateway.problem.ProblemResponses;
import jp.moshisapo.gateway.problem.Problems;
import jp.moshisapo.gateway.route.Route;
import jp.moshisapo.gateway.route.Routed;
import jp.moshisapo.gateway.route.Routes;

/** Refuses (403) a request whose route has a source allow-list that the client's address is not in. */
public final class SourceFilter implements Handler<RoutingContext> {

    private final Routes routes;

    public SourceFilter(Routes routes) {
        this.routes = routes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Route route = Routed.route(ctx);
        if (!routes.policy(route).sources().allows(ClientAddress.of(ctx))) {
            ProblemResponses.send(ctx, Problems.sourceNotAllowed());
            return;
        }
        ctx.next();
    }
}
