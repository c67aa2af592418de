package jp.moshisapo.gateway.routing;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import jp.moshisapo.gateway.accesslog.AccessLogHandler;
import jp.moshisapo.gateway.allowlist.SourceFilter;
import jp.moshisapo.gateway.auth.AuthFailureResponder;
import jp.moshisapo.gateway.auth.BearerTokenRequired;
import jp.moshisapo.gateway.auth.StaffGuard;
import jp.moshisapo.gateway.bodylimit.DeclaredLengthCheck;
import jp.moshisapo.gateway.clientaddress.ClientAddressHandler;
import jp.moshisapo.gateway.clientaddress.TrustedProxies;
import jp.moshisapo.gateway.config.GatewayConfig;
import jp.moshisapo.gateway.console.ConsoleAssets;
import jp.moshisapo.gateway.console.ConsoleConfig;
import jp.moshisapo.gateway.console.ConsoleHandler;
import jp.moshisapo.gateway.headers.SecurityHeaders;
import jp.moshisapo.gateway.headers.SecurityHeadersHandler;
import jp.moshisapo.gateway.problem.FailureHandler;
import jp.moshisapo.gateway.problem.ProblemResponses;
import jp.moshisapo.gateway.problem.Problems;
import jp.moshisapo.gateway.ratelimit.RateLimitHandler;
import jp.moshisapo.gateway.ratelimit.RateLimiter;
import jp.moshisapo.gateway.requestid.RequestIdHandler;
import jp.moshisapo.gateway.route.RouteResolver;
import jp.moshisapo.gateway.route.Routes;

/**
 * The order in which every request meets the gateway. Everything cheap and client-independent runs before
 * Quarkus's authentication (order -200) and permission check (-100), so a flood, an oversized body or an
 * unknown path costs no token verification; what needs the staff identity runs after it.
 */
@ApplicationScoped
public class GatewayRouter {

    private static final int EDGE = -10_000;
    private static final int BETWEEN_AUTHENTICATION_AND_AUTHORIZATION = -150;
    private static final int AFTER_AUTHORIZATION = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;
    /** Rate-limit buckets kept at once (clients x routes); beyond it the least recently used go. */
    private static final long MAX_TRACKED_CLIENTS = 200_000;

    void install(@Observes Router router, Routes routes, UpstreamProxies upstreams, SecurityHeaders headers,
            GatewayConfig config, ConsoleConfig console) {
        RateLimiter limiter = new RateLimiter(routes.longestRatePeriod(), MAX_TRACKED_CLIENTS);
        int order = EDGE;
        router.route().order(order++).handler(new AccessLogHandler());
        router.route().order(order++).handler(new RequestIdHandler());
        router.route().order(order++).handler(new SecurityHeadersHandler(headers));
        router.route().order(order++).handler(new RouteResolver(routes.table()));
        router.route().order(order++).handler(new ClientAddressHandler(
                TrustedProxies.parse(config.trustedProxies().orElse(List.of()))));
        router.route().order(order++).handler(new SourceFilter(routes));
        router.route().order(order++).handler(RateLimitHandler.perClientAddress(routes, limiter));
        router.route().order(order++).handler(new DeclaredLengthCheck(routes));
        router.route().order(order).handler(new BearerTokenRequired());

        // between Quarkus's authentication handler (-200), which installs the default failure answer, and its
        // permission check (-100), which uses it
        router.route().order(BETWEEN_AUTHENTICATION_AND_AUTHORIZATION).handler(new AuthFailureResponder());

        order = AFTER_AUTHORIZATION;
        router.route().order(order++).handler(new StaffGuard());
        router.route().order(order++).handler(RateLimitHandler.perTokenSubject(routes, limiter, StaffGuard::subject));
        router.route().order(order++).handler(new ProxyHandler(routes, upstreams));
        router.route().order(order).handler(new ConsoleHandler(ConsoleAssets.load(), console,
                config.headers().contentSecurityPolicy()));

        // a gateway-served route that nothing served
        router.route().last().handler(ctx -> ProblemResponses.send(ctx, Problems.notFound()));
        router.route().failureHandler(new FailureHandler());
    }
}
