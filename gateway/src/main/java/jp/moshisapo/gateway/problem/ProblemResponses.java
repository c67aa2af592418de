package jp.moshisapo.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jp.moshisapo.gateway.requestid.RequestIds;
import jp.moshisapo.problem.BilingualProblem;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.Problem;

/** Ends a request with a problem the gateway decided on itself. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static void send(RoutingContext ctx, BilingualProblem problem) {
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
                .end(body(ctx, problem));
    }

    /**
     * The problem+json document in the client's language ({@code ?lang=en} or Accept-Language, as the services
     * choose it), with the {@code requestId} a caller can quote to support staff. No {@code instance}: a path may
     * carry what should not be echoed into a support ticket.
     */
    public static Buffer body(RoutingContext ctx, BilingualProblem problem) {
        String requestId = RequestIds.of(ctx);
        BilingualProblem answered = requestId == null ? problem : problem.withExtension("requestId", requestId);
        Language language = Language.resolve(ctx.request().getParam("lang"),
                ctx.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        return new JsonObject(answered.in(language, null).members()).toBuffer();
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
    public static void sendAndClose(RoutingContext ctx, BilingualProblem problem) {
        ctx.response().putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        ctx.addEndHandler(done -> ctx.request().connection().close());
        send(ctx, problem);
    }
}
