package jp.moshisapo.gateway.auth;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.security.Principal;
import jp.moshisapo.gateway.problem.ProblemResponses;
import jp.moshisapo.gateway.route.Access;
import jp.moshisapo.gateway.route.Routed;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The last word before a staff route is forwarded: Quarkus's permission check
 * ({@code quarkus.http.auth.permission.staff}) has demanded a valid bearer token; this guard refuses to forward
 * without an authenticated identity even if that configuration were ever loosened, and records the token
 * subject for the per-staff rate limit.
 */
public final class StaffGuard implements Handler<RoutingContext> {

    private static final String SUBJECT = "moshisapo.subject";

    @Override
    public void handle(RoutingContext ctx) {
        if (Routed.route(ctx).access() != Access.STAFF_TOKEN) {
            ctx.next();
            return;
        }
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (identity == null || identity.isAnonymous()) {
            ProblemResponses.sendUnauthorized(ctx);
            return;
        }
        ctx.put(SUBJECT, subjectOf(identity.getPrincipal()));
        ctx.next();
    }

    /** The token subject of the staff member making a request that passed this guard. */
    public static String subject(RoutingContext ctx) {
        return ctx.get(SUBJECT);
    }

    private static String subjectOf(Principal principal) {
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return principal.getName();
    }
}
