package jp.moshisapo.facility.staff;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jp.moshisapo.facility.audit.CurrentStaff;
import jp.moshisapo.facility.code.CodeRecord;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.protocol.code.InvalidCodeException;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.facility.text.VenueTexts;

/**
 * {@code GET /admin/codes/{code}}: when a case occurs the prefecture asks the venue for the printed code (seed:
 * 感染者が発生した場合に岩手県から施設等にお尋ねします); staff type what they hear and get the venue and room. Revoked
 * codes are shown too: a visit may predate the revocation. Every lookup is audited ({@link StaffLookup}).
 */
@Path("/admin/codes/{code}")
@RolesAllowed("staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffLookupResource {

    private final StaffLookup lookup;
    private final CurrentStaff staff;

    StaffLookupResource(StaffLookup lookup, CurrentStaff staff) {
        this.lookup = lookup;
        this.staff = staff;
    }

    @GET
    public StaffCodeView lookup(@PathParam("code") String typed) {
        PrintedCode code;
        try {
            code = PrintedCode.parse(typed);
        } catch (InvalidCodeException e) {
            // Say what was wrong: staff are reading a code over the phone and can ask again.
            throw Refusals.invalid(FieldProblem.of("code", t -> t.field_code(e.reason())));
        }
        return lookup.lookUp(staff.get(), code)
                .map(found -> view(found.code(), found.facility()))
                .orElseThrow(() -> Refusals.notFound(VenueTexts::problem_code_not_found));
    }

    private static StaffCodeView view(CodeRecord code, Facility facility) {
        String address = (facility.address1() + " " + facility.address2()).strip();
        return new StaffCodeView(code.code().display(), code.status(), code.room(), code.issuedAt(),
                code.revokedAt(), new StaffCodeView.Venue(facility.id(), facility.name(), facility.businessType(),
                        facility.postalCode().display(), address, facility.phone(), facility.email()));
    }
}
