package jp.moshisapo.notification.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.problem.FieldError;
import jp.moshisapo.notification.problem.ProblemException;
import jp.moshisapo.notification.problem.Text;

/**
 * {@code GET /admin/audit}: approvers read the log, filtered by case and/or user; there is no way to change it.
 * {@code GET /admin/audit/verify}: approvers check its hash chain.
 */
@Path("/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final Db db;
    private final AuditLog audit;

    AuditResource(Db db, AuditLog audit) {
        this.db = db;
        this.audit = audit;
    }

    @GET
    @RolesAllowed("approver")
    public List<AuditEntry> find(@QueryParam("caseId") Long caseId, @QueryParam("user") String user,
            @QueryParam("before") Long before, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw ProblemException.invalid(List.of(FieldError.of("limit", Text.of("1〜1000 の範囲で指定してください。",
                    "Between 1 and 1000."))));
        }
        String userName = user == null || user.isBlank() ? null : user.strip();
        return db.inTransaction(c -> audit.find(c, caseId, userName, before == null ? Long.MAX_VALUE : before, limit));
    }

    /** Recomputes the whole chain: OK with its head, or the first altered, inserted or missing entry. */
    @GET
    @Path("verify")
    @RolesAllowed("approver")
    public AuditVerification verify() {
        return AuditVerification.of(db.inTransaction(AuditChainReader::verify));
    }
}
