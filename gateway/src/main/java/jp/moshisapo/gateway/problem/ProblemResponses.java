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
        if (!ctx.request().isEnded()) {
            // refused before its body was read: let the body drain (and be dropped) so the connection can
            // carry the client's next request
            ctx.request().resume();
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(problem.toJson(RequestIds.of(ctx), prefersEnglish(ctx)));
    }

    /** Whether the client asked for English (the staff console at ?lang=en does); Japanese otherwise. */
    public static boolean prefersEnglish(RoutingContext ctx) {
        return Problem.prefersEnglish(ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }

    /** 401 with the challenge a bearer-token client expects (RFC 6750). */
    public static void sendUnauthorized(RoutingContext ctx) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        send(ctx, Problems.unauthorized());
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
