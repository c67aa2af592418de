package jp.moshisapo.facility.poster;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jp.moshisapo.facility.code.ActiveCodes;
import jp.moshisapo.facility.code.CodeResource;
import jp.moshisapo.facility.code.RegisteredCode;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.text.VenueTexts;

/**
 * A code's A4 poster, public like the poster on the venue's door. Only active codes have one: a revoked code's
 * poster must not be printable again.
 */
@Path("/api/codes/{code}/poster.pdf")
@PermitAll
public class PosterResource {

    private final ActiveCodes codes;
    private final Posters posters;

    PosterResource(ActiveCodes codes, Posters posters) {
        this.codes = codes;
        this.posters = posters;
    }

    /** The A4 poster; {@code ?download=1} asks the browser to save it instead of showing it. */
    @GET
    @Produces("application/pdf")
    public Response poster(@PathParam("code") String code, @QueryParam("download") String download) {
        RegisteredCode found = codes.find(code)
                .orElseThrow(() -> Refusals.notFound(VenueTexts::problem_code_not_found));
        String disposition = "1".equals(download) || "true".equals(download) ? "attachment" : "inline";
        return Response.ok(posters.one(found.facility(), found.code()))
                .header("Content-Disposition", disposition + "; filename=\"poster-"
                        + found.code().code().canonical() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, CodeResource.CACHE).build();
    }
}
