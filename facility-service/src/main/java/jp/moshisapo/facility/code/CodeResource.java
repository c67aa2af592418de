package jp.moshisapo.facility.code;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.qr.QrImages;
import jp.moshisapo.facility.qr.QrMatrix;
import jp.moshisapo.facility.text.VenueTexts;

/**
 * A code's QR images, public like the poster on the venue's door (the poster itself: {@code poster.PosterResource}).
 * Only active codes have them: a revoked code's QR must not be printable again.
 */
@Path("/api/codes/{code}")
@PermitAll
public class CodeResource {

    /** Short: a revoked code should stop being served soon, even from caches (the poster too). */
    public static final String CACHE = "public, max-age=60";

    private final ActiveCodes codes;
    private final CodeLinks links;

    CodeResource(ActiveCodes codes, CodeLinks links) {
        this.codes = codes;
        this.links = links;
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

    private RegisteredCode active(String code) {
        return codes.find(code).orElseThrow(() -> Refusals.notFound(VenueTexts::problem_code_not_found));
    }
}
