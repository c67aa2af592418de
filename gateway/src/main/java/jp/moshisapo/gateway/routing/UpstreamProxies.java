package jp.moshisapo.gateway.routing;

import io.netty.channel.EventLoop;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.impl.ContextInternal;
import io.vertx.httpproxy.OriginRequestProvider;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;
import jp.moshisapo.gateway.config.GatewayConfig;
import jp.moshisapo.gateway.route.Service;
import org.jboss.logging.Logger;

/**
 * The connections to the three services: keep-alive pools, and the timeouts that turn a dead service into 502 and
 * a stalled one into 504 instead of a client waiting for ever. Each event loop has its own client and so its own
 * pools (as each nginx worker keeps its own upstream connections): a request's upstream connection is served by
 * the thread that serves its client, and no request hops between threads on its way through.
 */
@ApplicationScoped
public class UpstreamProxies {

    private static final Logger LOG = Logger.getLogger(UpstreamProxies.class);

    private final Vertx vertx;
    private final HttpClientOptions clientOptions;
    private final PoolOptions poolOptions;
    private final Map<EventLoop, HttpClient> clients = new ConcurrentHashMap<>();
    private final Map<Service, OriginRequestProvider> origins = new EnumMap<>(Service.class);

    public UpstreamProxies(Vertx vertx, GatewayConfig config) {
        GatewayConfig.Upstream upstream = config.upstream();
        this.vertx = vertx;
        this.clientOptions = new HttpClientOptions()
                .setName("gateway-upstreams")
                .setKeepAlive(true)
                .setConnectTimeout(Math.toIntExact(upstream.connectTimeout().toMillis()));
        this.poolOptions = new PoolOptions().setHttp1MaxSize(perEventLoop(upstream.maxConnections(), vertx));
        origins.put(Service.FACILITY, origin(Service.FACILITY, config.facilityUrl(), upstream));
        origins.put(Service.CHECKIN, origin(Service.CHECKIN, config.checkinUrl(), upstream));
        origins.put(Service.NOTIFICATION, origin(Service.NOTIFICATION, config.notificationUrl(), upstream));
    }

    /**
     * The client of the event loop the calling request belongs to (created on its first request). Keyed by the
     * request's event loop, not the calling thread: a request that continues on a worker thread after a blocking
     * step (a staff token's verification) uses its loop's client, so there are never more clients than loops.
     */
    public HttpClient client() {
        EventLoop loop = ((ContextInternal) vertx.getOrCreateContext()).nettyEventLoop();
        return clients.computeIfAbsent(loop, any -> vertx.createHttpClient(clientOptions, poolOptions));
    }

    public OriginRequestProvider origin(Service service) {
        OriginRequestProvider origin = origins.get(service);
        if (origin == null) {
            throw new IllegalArgumentException(service + " is served by the gateway itself, not proxied");
        }
        return origin;
    }

    @PreDestroy
    void close() {
        clients.values().forEach(HttpClient::close);
    }

    /** The configured maximum is per service; each event loop's pool gets its share, at least one. */
    private static int perEventLoop(int maxConnections, Vertx vertx) {
        long loops = Math.max(1, StreamSupport.stream(vertx.nettyEventLoopGroup().spliterator(), false).count());
        return (int) Math.max(1, maxConnections / loops);
    }

    private static OriginRequestProvider origin(Service service, String url, GatewayConfig.Upstream upstream) {
        URI uri = URI.create(url);
        boolean tls = "https".equals(uri.getScheme());
        if (!(tls || "http".equals(uri.getScheme())) || uri.getHost() == null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))) {
            throw new IllegalArgumentException("the URL of " + service.displayName()
                    + " must be http(s)://host[:port] without a path, not " + url);
        }
        // one immutable set of options per service: the proxy only reads them
        RequestOptions options = new RequestOptions()
                .setHost(uri.getHost())
                .setPort(uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80)
                .setSsl(tls)
                .setConnectTimeout(upstream.connectTimeout().toMillis())
                .setIdleTimeout(upstream.responseTimeout().toMillis());
        // failures surface through the response the proxy waits for (502/504/413); a request reset on purpose
        // (a body over its limit) must not also be reported as an unhandled error
        return context -> context.client().request(options)
                .map(request -> request.exceptionHandler(failure -> LOG.debugf("request to %s ended: %s",
                        service.displayName(), failure.getClass().getSimpleName())));
    }
}
