package jp.moshisapo.gateway.clientaddress;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/** Settles once per request who the client is, before anything counts or filters by it. */
public final class ClientAddressHandler implements Handler<RoutingContext> {

    private final TrustedProxies trustedProxies;

    public ClientAddressHandler(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        SocketAddress remote = request.remoteAddress();
        ClientAddress peer = remote == null ? ClientAddress.UNKNOWN
                : ClientAddress.parse(remote.hostAddress()).orElse(ClientAddress.UNKNOWN);
        ctx.put(ClientAddress.CONTEXT_KEY, trustedProxies.clientOf(peer, request.headers().getAll("X-Forwarded-For")));
        ctx.next();
    }
}
