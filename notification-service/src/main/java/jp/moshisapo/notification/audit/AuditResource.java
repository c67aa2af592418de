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
import jp.moshisapo.problem.InvalidField;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.problem.Text;
import jp.moshisapo.protocol.audit.AuditChain.Anchor;
import jp.moshisapo.protocol.audit.AuditChainReader;

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
            throw ProblemException.invalid(List.of(InvalidField.of("limit", Text.of("1〜1000 の範囲で指定してください。",
                    "Between 1 and 1000."))));
        }
        String userName = user == null || user.isBlank() ? null : user.strip();
        return db.inTransaction(() -> audit.find(caseId, userName, before == null ? Long.MAX_VALUE : before, limit));
    }

    /**
     * Recomputes the whole chain: OK with its head, or the first altered, inserted or missing entry. With
     * {@code anchorSeq} and {@code anchorHash} (a head logged earlier), the chain must also still pass through it.
     */
    @GET
    @Path("verify")
    @RolesAllowed("approver")
    public AuditVerification verify(@QueryParam("anchorSeq") Long anchorSeq,
            @QueryParam("anchorHash") String anchorHash) {
        Anchor anchor = anchor(anchorSeq, anchorHash);
        return AuditVerification.of(db.withOwnConnection(c -> AuditChainReader.verify(c, AuditLog.TABLE, anchor)));
    }

    private static Anchor anchor(Long seq, String hash) {
        if (seq == null && hash == null) {
            return null;
        }
        try {
            if (seq == null || hash == null || seq < 1) {
                throw new IllegalArgumentException();
            }
            return Anchor.of(seq, hash);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(InvalidField.of("anchorHash", Text.of(
                    "anchorSeq（1 以上）と anchorHash（16 進 64 桁）を組で指定してください。",
                    "Give anchorSeq (1 or more) and anchorHash (64 hex digits) together."))));
        }
    }
}
