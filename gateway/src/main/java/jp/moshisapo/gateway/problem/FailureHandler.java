package jp.moshisapo.gateway.problem;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Turns failed requests into problem+json: an authentication or permission failure that reached Vert.x's
 * failure handling becomes 401 or 403; anything unexpected becomes a 500 without details.
 */
public final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(FailureHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException || ctx.statusCode() == 401) {
            ProblemResponses.sendUnauthorized(ctx);
        } else if (failure instanceof ForbiddenException || ctx.statusCode() == 403) {
            ProblemResponses.send(ctx, Problems.forbidden());
        } else {
            // the message may name internals; the client only gets the request id to quote
            LOG.errorf(failure, "request failed with status %d", ctx.statusCode());
            ProblemResponses.send(ctx, Problems.internalError());
        }
    }
}
