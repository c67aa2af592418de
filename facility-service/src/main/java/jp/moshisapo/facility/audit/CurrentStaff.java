package jp.moshisapo.facility.audit;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated staff member of this request, from the verified access token. */
@RequestScoped
public class CurrentStaff {

    private final JsonWebToken token;

    CurrentStaff(JsonWebToken token) {
        this.token = token;
    }

    public Actor get() {
        String name = token.getClaim("preferred_username");
        String shown = name != null ? name : token.getName();
        // The subject identifies the person even after a rename; the name is what a reader recognises.
        String subject = token.getSubject() != null ? token.getSubject() : "name:" + shown;
        return new Actor(subject, shown);
    }
}
