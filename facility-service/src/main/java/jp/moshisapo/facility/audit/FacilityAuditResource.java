package jp.moshisapo.facility.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.moshisapo.facility.problem.FieldProblem;
import jp.moshisapo.facility.problem.Refusals;

/**
 * {@code GET /admin/facility-audit}: approvers read who looked up which venue, newest first, as they read
 * notification-service's {@code /admin/audit}; there is no way to change the log.
 */
@Path("/admin/facility-audit")
@Produces(MediaType.APPLICATION_JSON)
public class FacilityAuditResource {

    static final int MAX_LIMIT = 1000;

    private final StaffAuditLog audit;

    FacilityAuditResource(StaffAuditLog audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed("approver")
    public List<AuditEntry> find(@QueryParam("user") String user, @QueryParam("before") Long before,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw Refusals.invalid(FieldProblem.of("limit", t -> t.field_limit_range(1, MAX_LIMIT)));
        }
        String userName = user == null || user.isBlank() ? null : user.strip();
        return audit.find(userName, before == null ? Long.MAX_VALUE : before, limit);
    }
}
