package jp.moshisapo.gateway.problem;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Turns failures into problem+json: a missing, forged or expired staff token becomes 401 with a Bearer
 * challenge (and the request has reached no service); an unreachable issuer is 503; anything unexpected
 * becomes a 500 without details.
 */
public final class FailureHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(FailureHandler.class);

    @Override
    public void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException
                || failure instanceof AuthenticationCompletionException || ctx.statusCode() == 401) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer");
            ProblemResponses.send(ctx, Problems.unauthorized());
        } else if (failure instanceof ForbiddenException || ctx.statusCode() == 403) {
            ProblemResponses.send(ctx, Problems.forbidden());
        } else if (failure instanceof OIDCException) {
            // the issuer could not be reached to check a token: nothing the caller did wrong, try again later
            LOG.warnf("staff token not checked, the OIDC issuer is unavailable: %s", failure.getMessage());
            ProblemResponses.send(ctx, Problems.issuerUnavailable());
        } else {
            // the message may name internals; the client only gets the request id to quote
            LOG.errorf(failure, "request failed with status %d", ctx.statusCode());
            ProblemResponses.send(ctx, Problems.internalError());
        }
    }
}
