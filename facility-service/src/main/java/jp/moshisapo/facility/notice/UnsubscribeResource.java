package jp.moshisapo.facility.notice;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.facility.web.Pages;
import jp.moshisapo.problem.Language;

/**
 * {@code /api/unsubscribe/{key}}: the unsubscribe link of every notice. {@code POST} clears the venue's opt-in at
 * once: the mail program's one-click request (RFC 8058, {@code List-Unsubscribe=One-Click}) or the button of the
 * page {@code GET} shows. {@code GET} itself changes nothing, because mail scanners open every link of a mail.
 * Unknown keys answer the same, so the link tells nothing about other venues.
 */
@Path("/api/unsubscribe/{key}")
@PermitAll
public class UnsubscribeResource {

    private final Notices notices;
    private final Pages pages;

    UnsubscribeResource(Notices notices, Pages pages) {
        this.notices = notices;
        this.pages = pages;
    }

    @GET
    public Response confirm(@PathParam("key") String key, @QueryParam("lang") String lang) {
        return pages.render("unsubscribe", Language.resolve(lang, null),
                Map.of("action", "/api/unsubscribe/" + canonical(key)), Response.Status.OK);
    }

    @POST
    public Response unsubscribe(@PathParam("key") String key, @QueryParam("lang") String lang) {
        try {
            notices.unsubscribe(UUID.fromString(key));
        } catch (IllegalArgumentException malformed) {
            // the same answer as for a key that exists
        }
        return pages.render("unsubscribed", Language.resolve(lang, null), Map.of(), Response.Status.OK);
    }

    /** The key as a UUID prints it, or nothing: the page's form never posts back text the link brought. */
    private static String canonical(String key) {
        try {
            return UUID.fromString(key).toString();
        } catch (IllegalArgumentException malformed) {
            return "-";
        }
    }
}
