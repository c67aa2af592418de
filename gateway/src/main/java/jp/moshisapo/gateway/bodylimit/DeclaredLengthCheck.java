package jp.moshisapo.gateway.bodylimit;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jp.moshisapo.gateway.problem.ProblemResponses;
import jp.moshisapo.gateway.problem.Problems;
import jp.moshisapo.gateway.route.Routed;
import jp.moshisapo.gateway.route.Routes;

/**
 * Refuses (413) a body whose declared Content-Length is over the route's limit, before a byte of it is read.
 * Bodies without a declared length are counted while they stream ({@link LimitedBodyStream}).
 */
public final class DeclaredLengthCheck implements Handler<RoutingContext> {

    private final Routes routes;

    public DeclaredLengthCheck(Routes routes) {
        this.routes = routes;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null) {
            long limit = routes.policy(Routed.route(ctx)).maxBodyBytes();
            if (declaredLength(declared) > limit) {
                ProblemResponses.sendAndClose(ctx, Problems.payloadTooLarge(limit));
                return;
            }
        }
        ctx.next();
    }

    /** The HTTP decoder already refuses malformed lengths; a value too big for a long is simply too big. */
    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }
}
