package jp.moshisapo.facility.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import jp.moshisapo.problem.Language;

/**
 * The venue pages: the registration form at {@code /}, the terms at {@code /terms} and the management page at
 * {@code /manage}. Japanese by default, English with {@code ?lang=en}.
 */
@Path("/")
@PermitAll
@Produces(Pages.HTML)
public class PageResource {

    private final Pages pages;

    PageResource(Pages pages) {
        this.pages = pages;
    }

    @GET
    public Response form(@QueryParam("lang") String lang) {
        return pages.cached("form", Language.resolve(lang, null), Map.of(
                "scripts", Pages.script("form.js") + Pages.script("recover.js")));
    }

    @GET
    @Path("terms")
    public Response terms(@QueryParam("lang") String lang) {
        return pages.cached("terms", Language.resolve(lang, null), Map.of());
    }

    @GET
    @Path("manage")
    public Response manage(@QueryParam("lang") String lang) {
        return pages.cached("manage", Language.resolve(lang, null), Map.of(
                "scripts", Pages.script("manage.js") + Pages.script("recover.js")));
    }
}
