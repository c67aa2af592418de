package jp.moshisapo.gateway.ratelimit;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.function.Function;
import jp.moshisapo.gateway.clientaddress.ClientAddress;
import jp.moshisapo.gateway.problem.ProblemResponses;
import jp.moshisapo.gateway.problem.Problems;
import jp.moshisapo.gateway.route.Access;
import jp.moshisapo.gateway.route.RateLimit;
import jp.moshisapo.gateway.route.Route;
import jp.moshisapo.gateway.route.Routed;
import jp.moshisapo.gateway.route.Routes;

/**
 * Applies the route's token bucket to the requests of one kind of route, keyed by client: public routes by
 * client address, IPv6 by /64 (before authentication, so floods cost nothing), staff routes by token subject
 * (after authentication, so one stolen token cannot use up the limit of every colleague behind the same office IP).
 */
public final class RateLimitHandler implements Handler<RoutingContext> {

    private final Routes routes;
    private final RateLimiter limiter;
    private final Access access;
    private final Function<RoutingContext, String> clientKey;

    private RateLimitHandler(Routes routes, RateLimiter limiter, Access access,
            Function<RoutingContext, String> clientKey) {
        this.routes = routes;
        this.limiter = limiter;
        this.access = access;
        this.clientKey = clientKey;
    }

    public static RateLimitHandler perClientAddress(Routes routes, RateLimiter limiter) {
        return new RateLimitHandler(routes, limiter, Access.PUBLIC,
                ctx -> ClientAddress.of(ctx).rateLimitKey());
    }

    public static RateLimitHandler perTokenSubject(Routes routes, RateLimiter limiter,
            Function<RoutingContext, String> subject) {
        return new RateLimitHandler(routes, limiter, Access.STAFF_TOKEN, subject);
    }

    @Override
    public void handle(RoutingContext ctx) {
        Route route = Routed.route(ctx);
        Optional<RateLimit> limit = routes.policy(route).rate();
        if (route.access() != access || limit.isEmpty()) {
            ctx.next();
            return;
        }
        RateLimiter.Decision decision = limiter.tryAcquire(route.name(), clientKey.apply(ctx), limit.get());
        if (!decision.allowed()) {
            ctx.response().putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            ProblemResponses.send(ctx, Problems.tooManyRequests(decision.retryAfterSeconds()));
            return;
        }
        ctx.next();
    }
}
