package jp.moshisapo.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.util.concurrent.TimeoutException;
import jp.moshisapo.gateway.bodylimit.LimitedBodyStream;
import jp.moshisapo.gateway.clientaddress.ClientAddress;
import jp.moshisapo.gateway.problem.ProblemResponses;
import jp.moshisapo.gateway.problem.Problems;
import jp.moshisapo.gateway.route.Route;
import jp.moshisapo.gateway.route.Routed;
import jp.moshisapo.problem.BilingualProblem;
import jp.moshisapo.problem.Problem;
import org.jboss.logging.Logger;

/**
 * Shapes one proxied request: the canonical path goes upstream, forwarding headers are the gateway's own (never
 * the client's), a body of unknown length is counted against the route's limit, and a service that is down,
 * stalls or gets an oversized body yields a problem+json answer rather than an empty 502.
 */
final class ForwardingInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(ForwardingInterceptor.class);

    private final RoutingContext ctx;
    private final Route route;
    private final long maxBodyBytes;

    ForwardingInterceptor(RoutingContext ctx, Route route, long maxBodyBytes) {
        this.ctx = ctx;
        this.route = route;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = ctx.request();
        String query = incoming.query();
        request.setURI(query == null ? Routed.canonicalPath(ctx) : Routed.canonicalPath(ctx) + "?" + query);
        MultiMap headers = request.headers();
        headers.remove("Forwarded");
        headers.set("X-Forwarded-For", ClientAddress.of(ctx).literal());
        headers.set("X-Forwarded-Proto", incoming.scheme());
        if (incoming.authority() != null) {
            headers.set("X-Forwarded-Host", incoming.authority().toString());
        }
        LimitedBodyStream counted = countUnknownLength(request);
        return context.sendRequest().recover(failure -> Future.succeededFuture(refusal(request, failure, counted)));
    }

    private LimitedBodyStream countUnknownLength(ProxyRequest request) {
        Body body = request.getBody();
        if (body == null || body.length() >= 0) {
            return null; // declared lengths were checked before authentication
        }
        LimitedBodyStream counted = new LimitedBodyStream(body.stream(), maxBodyBytes);
        request.setBody(Body.body(counted, -1));
        return counted;
    }

    private ProxyResponse refusal(ProxyRequest request, Throwable failure, LimitedBodyStream counted) {
        BilingualProblem problem;
        if (counted != null && counted.exceeded()) {
            problem = Problems.payloadTooLarge(counted.limit());
            // the client may still be sending the rest; it must not be read as a next request
            ctx.addEndHandler(done -> ctx.request().connection().close());
        } else if (failure instanceof TimeoutException) {
            problem = Problems.gatewayTimeout();
            LOG.warnf("%s sent nothing within the response timeout (route %s)", route.target().displayName(),
                    route.name());
        } else {
            problem = Problems.badGateway();
            // the failure's message can contain the request URI and its query: only its kind is logged
            LOG.warnf("%s unreachable (route %s): %s", route.target().displayName(), route.name(),
                    failure.getClass().getSimpleName());
        }
        ProxyResponse response = request.release().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .setBody(Body.body(ProblemResponses.body(ctx, problem)));
        if (problem.status() == 413) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        return response;
    }
}
