package jp.moshisapo.notification.audit;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.protocol.audit.AuditChain.Verification;
import jp.moshisapo.protocol.audit.AuditChainReader;

/**
 * Verifies the audit chain on a schedule and logs its head. Whoever owns the database can rewrite an entry and
 * recompute every hash after it, which the chain alone cannot show; a head logged earlier, kept by the log store
 * outside the database, can: the rewritten chain no longer passes through it (docs/security.md, "Audit log").
 */
@ApplicationScoped
public class AuditAnchor {

    private final Db db;

    AuditAnchor(Db db) {
        this.db = db;
    }

    @Scheduled(every = "${moshisapo.notification.audit.anchor-every}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void anchor() {
        try {
            Verification result = db.withOwnConnection(c -> AuditChainReader.verify(c, AuditLog.TABLE, null));
            if (result.ok()) {
                Log.infof("Audit chain head: seq=%d hash=%s (%d entries verified)", result.headSeq(),
                        result.headHash(), result.entries());
            } else {
                Log.errorf("Audit chain BROKEN at seq %d (%s): %s", result.seq(), result.fault(), result.detail());
            }
        } catch (RuntimeException e) {
            Log.errorf("Audit chain could not be verified, next attempt on schedule: %s", e.getMessage());
        }
    }
}
