package jp.moshisapo.notification.exposure;

import jp.moshisapo.notification.matching.CaseTarget;

/**
 * A parsed, valid new case: whom to reach, the text to send, the template it started from, and the staff's note.
 */
public record CaseDraft(CaseTarget target, String message, String template, String note) {

    public CaseDraft withTarget(CaseTarget newTarget) {
        return new CaseDraft(newTarget, message, template, note);
    }
}
