package jp.moshisapo.facility.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jp.moshisapo.facility.audit.CurrentStaff;

/**
 * {@code GET /admin/facilities?q=&businessType=&municipality=&page=&size=}: when a health centre reports "the
 * patient had dinner at 居酒屋○○ in 盛岡 on the 3rd", staff find the venue by name, phone, address, postal code or
 * part of a printed code, and see its rooms and codes at once. Every search is audited ({@link VenueSearch}).
 */
@Path("/admin/facilities")
@RolesAllowed("staff")
@Produces(MediaType.APPLICATION_JSON)
public class VenueSearchResource {

    private final VenueSearch search;
    private final CurrentStaff staff;

    VenueSearchResource(VenueSearch search, CurrentStaff staff) {
        this.search = search;
        this.staff = staff;
    }

    @GET
    public VenueHit.Page search(@QueryParam("q") String q, @QueryParam("businessType") String businessType,
            @QueryParam("municipality") String municipality, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return search.search(staff.get(), VenueQuery.parse(q, businessType, municipality, page, size));
    }
}
