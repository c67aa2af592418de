package jp.moshisapo.gateway.auth;

import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.CompositeException;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.concurrent.CompletionException;
import java.util.function.BiConsumer;
import jp.moshisapo.gateway.problem.ProblemResponses;
import jp.moshisapo.gateway.problem.Problems;
import org.jboss.logging.Logger;

/**
 * Decides how a failed token check is answered. Quarkus's own answer to a forged or expired token is an empty
 * 401; with lazy authentication Quarkus lets a later handler replace that behaviour (the
 * {@link QuarkusHttpUser#AUTH_FAILURE_HANDLER} of the request), which this handler does: 401 problem+json with a
 * Bearer challenge, or 503 when the issuer cannot be reached. Runs after Quarkus's authentication handler has
 * installed its default and before the permission check can use it.
 */
public final class AuthFailureResponder implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(AuthFailureResponder.class);
    private static final BiConsumer<RoutingContext, Throwable> RESPOND = AuthFailureResponder::respond;

    @Override
    public void handle(RoutingContext ctx) {
        ctx.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, RESPOND);
        ctx.next();
    }

    private static void respond(RoutingContext ctx, Throwable failure) {
        Throwable cause = rootCause(failure);
        if (cause instanceof AuthenticationFailedException || cause instanceof AuthenticationCompletionException) {
            ProblemResponses.sendUnauthorized(ctx);
        } else if (cause instanceof OIDCException) {
            LOG.warnf("staff token not checked, the OIDC issuer is unavailable: %s", cause.getMessage());
            ProblemResponses.send(ctx, Problems.issuerUnavailable());
        } else {
            ctx.fail(cause);
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null
                || cause instanceof CompositeException) {
            cause = cause instanceof CompositeException composite ? composite.getCauses().get(0) : cause.getCause();
        }
        return cause;
    }
}
