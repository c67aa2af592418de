package jp.moshisapo.gateway.console;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jp.moshisapo.gateway.problem.ProblemResponses;
import jp.moshisapo.gateway.problem.Problems;
import jp.moshisapo.gateway.route.Route;
import jp.moshisapo.gateway.route.Routed;
import jp.moshisapo.gateway.route.Service;

/**
 * Serves the staff console at {@code /console/}: its static files and {@code config.json} (where to sign in). The
 * console holds no data and no rule of its own; every action it offers is a bearer-token call to {@code /admin}.
 */
public final class ConsoleHandler implements Handler<RoutingContext> {

    static final String BASE = "/console";
    static final String CONFIG = "config.json";

    private final ConsoleAssets assets;
    private final String policy;
    private final Buffer config;

    public ConsoleHandler(ConsoleAssets assets, ConsoleConfig config, String gatewayPolicy) {
        this.assets = assets;
        this.policy = ConsolePolicy.of(gatewayPolicy, config.oidcUrl());
        this.config = new JsonObject()
                .put("oidcUrl", config.oidcUrl().strip().replaceAll("/+$", ""))
                .put("clientId", config.clientId())
                .toBuffer();
    }

    @Override
    public void handle(RoutingContext ctx) {
        Route route = Routed.route(ctx);
        if (route.target() != Service.GATEWAY) {
            ctx.next();
            return;
        }
        if (!ctx.request().isEnded()) {
            ctx.request().resume(); // a GET carries no body worth reading; let whatever came drain
        }
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, HEAD");
            ProblemResponses.send(ctx, Problems.methodNotAllowed());
            return;
        }
        String path = Routed.canonicalPath(ctx);
        if (path.equals(BASE)) {
            // relative URLs in the page (./app.js) resolve against /console/, not /
            String query = ctx.request().query();
            ctx.response().setStatusCode(302)
                    .putHeader(HttpHeaders.LOCATION, BASE + "/" + (query == null ? "" : "?" + query))
                    .end();
            return;
        }
        String name = path.substring(BASE.length() + 1);
        if (name.equals(CONFIG)) {
            send(ctx, config, "application/json", "no-store");
            return;
        }
        assets.find(name).ifPresentOrElse(
                asset -> send(ctx, asset.body(), asset.contentType(), "no-cache"),
                () -> ProblemResponses.send(ctx, Problems.notFound()));
    }

    private void send(RoutingContext ctx, Buffer body, String contentType, String cacheControl) {
        HttpServerResponse response = ctx.response();
        response.putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheControl)
                .putHeader("Content-Security-Policy", policy)
                .end(body);
    }
}
