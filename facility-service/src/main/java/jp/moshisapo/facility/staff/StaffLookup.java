package jp.moshisapo.facility.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import jp.moshisapo.facility.audit.Actor;
import jp.moshisapo.facility.audit.AuditAction;
import jp.moshisapo.facility.audit.StaffAuditLog;
import jp.moshisapo.facility.code.CodeRepository;
import jp.moshisapo.facility.code.RegisteredCode;
import jp.moshisapo.protocol.code.PrintedCode;

/**
 * A staff lookup and its audit entry as one unit of work: the read and the entry commit together, so no venue's
 * contact data leaves the service without a trace, and a failed entry means nothing is returned.
 */
@ApplicationScoped
public class StaffLookup {

    private final CodeRepository codes;
    private final StaffAuditLog audit;

    StaffLookup(CodeRepository codes, StaffAuditLog audit) {
        this.codes = codes;
        this.audit = audit;
    }

    /** The code with its venue, or empty; either way the lookup is recorded (a miss is evidence too). */
    @Transactional
    public Optional<RegisteredCode> lookUp(Actor staff, PrintedCode code) {
        Optional<RegisteredCode> found = codes.findWithFacility(code);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", code.display());
        details.put("found", found.isPresent());
        found.ifPresent(hit -> details.put("facilityId", hit.facility().id().toString()));
        audit.record(staff, AuditAction.CODE_LOOKED_UP, details);
        return found;
    }
}
