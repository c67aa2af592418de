package jp.moshisapo.gateway.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jp.moshisapo.gateway.requestid.RequestIds;

/** Ends a request with a problem the gateway decided on itself. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void send(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.ended()) {
            return;
        }
        if (response.headWritten()) {
            // a stream was already under way: the only honest signal left is to cut it
            ctx.request().connection().close();
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(problem.toJson(RequestIds.of(ctx)));
    }

    /**
     * Answers and then closes the connection: for refusals of a body that was not read (413), so the unread
     * rest can never be taken for the next request on a kept-alive connection.
     */
    public static void sendAndClose(RoutingContext ctx, Problem problem) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        ctx.addEndHandler(done -> ctx.request().connection().close());
        send(ctx, problem);
    }
}
