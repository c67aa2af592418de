package jp.moshisapo.facility.management;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import jp.moshisapo.facility.code.CodeLinks;
import jp.moshisapo.facility.code.CodeRecord;
import jp.moshisapo.facility.code.RoomView;
import jp.moshisapo.facility.poster.Posters;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.facility.web.NoStore;
import jp.moshisapo.problem.rest.JsonBody;
import jp.moshisapo.facility.text.VenueTexts;

/**
 * A venue's own API, opened by its management token ({@code Authorization: Bearer <token>}) instead of a login:
 * the venue never gets an account, only the secret it received at registration.
 */
@Path("/api/facilities/{facilityId}")
@PermitAll // the management token is checked by ManagementAccess on every call
@Produces(MediaType.APPLICATION_JSON)
public class ManagementResource {

    static final int MAX_BODY_BYTES = 16 * 1024;

    private final ManagementAccess access;
    private final FacilityManagement management;
    private final Posters posters;
    private final CodeLinks links;
    private final JsonBody body;

    ManagementResource(ManagementAccess access, FacilityManagement management, Posters posters, CodeLinks links,
            JsonBody body) {
        this.access = access;
        this.management = management;
        this.posters = posters;
        this.links = links;
        this.body = body;
    }

    @GET
    public Response facility(@PathParam("facilityId") String facilityId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Facility facility = access.authorize(facilityId, authorization);
        FacilityView view = new FacilityView(facility.id(), facility.name(), facility.businessType(),
                facility.scale(), facility.postalCode().display(), facility.address1(), facility.address2(),
                facility.phone(), facility.email(), facility.receiveNotices(), facility.createdAt(),
                links.base() + "/api/facilities/" + facility.id() + "/posters.pdf",
                links.base() + "/api/facilities/" + facility.id() + "/table-cards.pdf",
                rooms(management.codes(facility)));
        return NoStore.apply(Response.ok(view)).build();
    }

    @POST
    @Path("/rooms")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addRooms(@PathParam("facilityId") String facilityId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream json) {
        Facility facility = access.authorize(facilityId, authorization);
        AddRoomsRequest request = body.read(json, AddRoomsRequest.class, MAX_BODY_BYTES);
        List<CodeRecord> issued = management.addRooms(facility, request.rooms());
        return NoStore.apply(Response.status(Response.Status.CREATED).entity(Map.of("rooms", rooms(issued))))
                .build();
    }

    @POST
    @Path("/codes/{code}/revoke")
    public Response revoke(@PathParam("facilityId") String facilityId, @PathParam("code") String code,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Facility facility = access.authorize(facilityId, authorization);
        return NoStore.apply(Response.ok(RoomView.of(management.revoke(facility, code), links))).build();
    }

    /**
     * Issues a new management token for the venue and answers it with its link, once; the token in the request
     * stops working with this answer. For a link that leaked (a forwarded e-mail, a shared computer).
     */
    @POST
    @Path("/management-token")
    public Response rotateToken(@PathParam("facilityId") String facilityId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Facility facility = access.authorize(facilityId, authorization);
        String token = management.rotateToken(facility, ManagementAccess.presentedToken(authorization));
        return NoStore.apply(Response.ok(new NewManagementLink(facility.id(), token,
                links.management(facility.id(), token)))).build();
    }

    @GET
    @Path("/posters.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response allPosters(@PathParam("facilityId") String facilityId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return pdf(facilityId, authorization, posters::all, "posters.pdf");
    }

    /** Every active code as a small card, 8 to an A4 sheet: a code per table without a poster per table. */
    @GET
    @Path("/table-cards.pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response tableCards(@PathParam("facilityId") String facilityId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return pdf(facilityId, authorization, posters::tableCards, "table-cards.pdf");
    }

    private Response pdf(String facilityId, String authorization,
            java.util.function.BiFunction<Facility, List<CodeRecord>, byte[]> render, String fileName) {
        Facility facility = access.authorize(facilityId, authorization);
        List<CodeRecord> active = management.activeCodes(facility);
        if (active.isEmpty()) {
            throw Refusals.notFound(VenueTexts::problem_posters_none_active);
        }
        return NoStore.apply(Response.ok(render.apply(facility, active), "application/pdf"))
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }

    private List<RoomView> rooms(List<CodeRecord> codes) {
        return codes.stream().map(code -> RoomView.of(code, links)).toList();
    }
}
