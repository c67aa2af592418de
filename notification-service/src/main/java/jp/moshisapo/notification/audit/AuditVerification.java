package jp.moshisapo.notification.audit;

import jp.moshisapo.protocol.audit.AuditChain.Fault;
import jp.moshisapo.protocol.audit.AuditChain.Verification;

/**
 * The answer of {@code GET /admin/audit/verify}: whether the chain is intact, its head (to compare with a head
 * logged earlier), or the first entry that breaks it, with a sentence for the approver.
 */
public record AuditVerification(boolean ok, long entries, Long headSeq, String headHash, Fault fault, Long seq,
        String message, String detail) {

    static AuditVerification of(Verification v) {
        if (v.ok()) {
            return new AuditVerification(true, v.entries(), v.headSeq(), v.headHash(), null, null,
                    "監査ログ " + v.entries() + " 件のハッシュの連鎖は損なわれていません（最新 " + v.headSeq()
                    + " 番）。記録済みの最新ハッシュと照合してください。", v.describe());
        }
        String what = switch (v.fault()) {
            case ALTERED -> "内容が書き換えられています";
            case INSERTED -> "後から差し込まれています";
            case MISSING -> "欠落しています";
        };
        return new AuditVerification(false, 0, null, null, v.fault(), v.seq(),
                "監査ログの " + v.seq() + " 番の記録が" + what + "。", v.describe());
    }
}
