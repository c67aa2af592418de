package jp.moshisapo.facility.code;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jp.moshisapo.facility.poster.Posters;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.qr.QrImages;
import jp.moshisapo.facility.qr.QrMatrix;

/**
 * A code's QR images and poster, public like the poster on the venue's door. Only active codes have them:
 * a revoked code's poster must not be printable again.
 */
@Path("/api/codes/{code}")
@PermitAll
public class CodeResource {

    // Short: a revoked code should stop being served soon, even from caches.
    private static final String CACHE = "public, max-age=60";

    private final ActiveCodes codes;
    private final CodeLinks links;
    private final Posters posters;

    CodeResource(ActiveCodes codes, CodeLinks links, Posters posters) {
        this.codes = codes;
        this.links = links;
        this.posters = posters;
    }

    @GET
    @Path("/qr.png")
    @Produces("image/png")
    public Response png(@PathParam("code") String code) {
        return Response.ok(QrImages.png(QrMatrix.encode(links.checkin(active(code).code().code()))))
                .header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    @GET
    @Path("/qr.svg")
    @Produces("image/svg+xml")
    public Response svg(@PathParam("code") String code) {
        return Response.ok(QrImages.svg(QrMatrix.encode(links.checkin(active(code).code().code()))))
                .header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    /** The A4 poster; {@code ?download=1} asks the browser to save it instead of showing it. */
    @GET
    @Path("/poster.pdf")
    @Produces("application/pdf")
    public Response poster(@PathParam("code") String code, @QueryParam("download") String download) {
        RegisteredCode found = active(code);
        String disposition = "1".equals(download) || "true".equals(download) ? "attachment" : "inline";
        return Response.ok(posters.one(found.facility(), found.code()))
                .header("Content-Disposition", disposition + "; filename=\"poster-"
                        + found.code().code().canonical() + ".pdf\"")
                .header(HttpHeaders.CACHE_CONTROL, CACHE).build();
    }

    private RegisteredCode active(String code) {
        return codes.find(code).orElseThrow(() -> Refusals.notFound("problem.code.not-found"));
    }
}
