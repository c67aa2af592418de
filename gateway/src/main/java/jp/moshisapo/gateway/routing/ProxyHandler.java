package jp.moshisapo.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import jp.moshisapo.gateway.route.Route;
import jp.moshisapo.gateway.route.Routed;
import jp.moshisapo.gateway.route.Routes;
import jp.moshisapo.gateway.route.Service;

/**
 * Forwards the request to its route's service with Vert.x's reverse proxy, which streams both bodies (a poster
 * PDF is never held whole in the gateway). Routes served by the gateway itself go on to the next handler.
 */
public final class ProxyHandler implements Handler<RoutingContext> {

    // no response cache (services decide caching) and no WebSocket tunnelling (no service speaks it)
    private static final ProxyOptions OPTIONS = new ProxyOptions().setSupportWebSocket(false);

    private final Routes routes;
    private final UpstreamProxies upstreams;

    public ProxyHandler(Routes routes, UpstreamProxies upstreams) {
        this.routes = routes;
        this.upstreams = upstreams;
    }

    @Override
    public void handle(RoutingContext ctx) {
        Route route = Routed.route(ctx);
        if (route.target() == Service.GATEWAY) {
            ctx.next();
            return;
        }
        // a proxy per request is two small objects; it lets the interceptor see this request's context
        HttpProxy.reverseProxy(OPTIONS, upstreams.client())
                .origin(upstreams.origin(route.target()))
                .addInterceptor(new ForwardingInterceptor(ctx, route, routes.policy(route).maxBodyBytes()))
                .handle(ctx.request());
    }
}
