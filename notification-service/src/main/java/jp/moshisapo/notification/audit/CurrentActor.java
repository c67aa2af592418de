package jp.moshisapo.notification.audit;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated staff member of this request, from the verified access token. */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken token;
    private final SecurityIdentity identity;

    CurrentActor(JsonWebToken token, SecurityIdentity identity) {
        this.token = token;
        this.identity = identity;
    }

    /** Whether the token grants the realm role (staff, approver). */
    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Actor get() {
        String name = token.getClaim("preferred_username");
        String shown = name != null ? name : token.getName();
        // The subject is what four-eyes compares: user names can be renamed, subjects cannot.
        String subject = token.getSubject() != null ? token.getSubject() : "name:" + shown;
        return new Actor(subject, shown);
    }
}
