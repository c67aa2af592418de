package jp.moshisapo.notification.audit;

import jakarta.enterprise.context.RequestScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The authenticated staff member of this request, from the verified access token. */
@RequestScoped
public class CurrentActor {

    private final JsonWebToken token;

    CurrentActor(JsonWebToken token) {
        this.token = token;
    }

    public Actor get() {
        String name = token.getClaim("preferred_username");
        String shown = name != null ? name : token.getName();
        // The subject is what four-eyes compares: user names can be renamed, subjects cannot.
        String subject = token.getSubject() != null ? token.getSubject() : "name:" + shown;
        return new Actor(subject, shown);
    }
}
