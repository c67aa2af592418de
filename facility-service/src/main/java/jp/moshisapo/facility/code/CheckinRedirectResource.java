package jp.moshisapo.facility.code;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import jp.moshisapo.facility.config.FacilityConfig;
import jp.moshisapo.facility.web.Pages;
import jp.moshisapo.problem.Language;

/**
 * {@code GET /c/{code}}: where the poster's QR leads. An active code goes on into LINE with the check-in text
 * prefilled; anything else gets a short page saying the code is not valid (never a LINE chat that would fail).
 */
@Path("/c/{code}")
@PermitAll
public class CheckinRedirectResource {

    private final ActiveCodes codes;
    private final FacilityConfig config;
    private final Pages pages;

    CheckinRedirectResource(ActiveCodes codes, FacilityConfig config, Pages pages) {
        this.codes = codes;
        this.config = config;
        this.pages = pages;
    }

    @GET
    @Produces(Pages.HTML)
    public Response scan(@PathParam("code") String code, @QueryParam("lang") String lang,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return codes.find(code)
                .map(found -> Response.status(Response.Status.FOUND)
                        .location(URI.create(CheckinLink.url(config.lineBotBasicId(), found.code().code())))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build())
                .orElseGet(() -> pages.render("invalid-code", Language.resolve(lang, acceptLanguage), Map.of(),
                        Response.Status.NOT_FOUND));
    }
}
