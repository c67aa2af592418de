package jp.moshisapo.notification.exposure;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.Text;
import jp.moshisapo.notification.quota.QuotaCheck;

/**
 * What the staff member reading a case may do with it now, and why not. The staff console shows its buttons from
 * this and decides nothing itself; approve, resume and cancel apply the same rules when called.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseActions(Action approve, Action resume, Action cancel) {

    static final Text NOT_DRAFT = Text.of("承認できるのは下書き（DRAFT）の案件だけです。",
            "Only a draft (DRAFT) can be approved.");
    static final Text NOT_APPROVER = Text.of("承認者の権限がないため承認できません。",
            "You cannot approve: you do not have the approver role.");
    static final Text OWN_CASE = Text.of("自分が作成した案件は承認できません。別の承認者に承認を依頼してください。",
            "You cannot approve a case you created. Ask another approver.");
    static final Text OVER_QUOTA = Text.of("今月のメッセージ通数の上限を超えるため承認できません。"
            + "LINE公式アカウントのプランで上限を引き上げてから承認してください。",
            "This case would pass the channel's monthly message limit. Raise the limit in the LINE Official Account "
                    + "plan, then approve.");
    static final Text NOT_PAUSED = Text.of("再開できるのは一時停止中（PAUSED）の案件だけです。",
            "Only a paused (PAUSED) case can be resumed.");
    static final Text RESUME_NOT_APPROVER = Text.of("承認者の権限がないため再開できません。",
            "You cannot resume: you do not have the approver role.");
    static final Text FINISHED = Text.of("この案件はすでに終了しています。", "This case has already ended.");

    /** {@code reason} is a stable word for programs; {@code message} says it to a person in their language. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(boolean allowed, String reason, String message) {

        static final Action ALLOWED = new Action(true, null, null);

        static Action refused(String reason, Text message, Language language) {
            return new Action(false, reason, message.in(language));
        }
    }

    public static CaseActions of(CaseState state, boolean ownCase, boolean approver, Language language) {
        return of(state, ownCase, approver, null, language);
    }

    /**
     * Four eyes: only an approver, never the creator, approves, only a draft, and only one that fits the month's
     * message quota as far as LINE tells ({@code quota} null or unknown: not refused here). Only an approver
     * resumes a paused case. Any staff member may cancel a case that has not ended (the kill switch).
     */
    public static CaseActions of(CaseState state, boolean ownCase, boolean approver, QuotaCheck quota,
            Language language) {
        Action approve;
        if (state != CaseState.DRAFT) {
            approve = Action.refused("not-draft", NOT_DRAFT, language);
        } else if (!approver) {
            approve = Action.refused("not-approver", NOT_APPROVER, language);
        } else if (ownCase) {
            approve = Action.refused("own-case", OWN_CASE, language);
        } else if (quota != null && quota.exceeds()) {
            approve = Action.refused("over-quota", OVER_QUOTA, language);
        } else {
            approve = Action.ALLOWED;
        }
        Action resume;
        if (state != CaseState.PAUSED) {
            resume = Action.refused("not-paused", NOT_PAUSED, language);
        } else if (!approver) {
            resume = Action.refused("not-approver", RESUME_NOT_APPROVER, language);
        } else {
            resume = Action.ALLOWED;
        }
        Action cancel = state.isFinal() ? Action.refused("finished", FINISHED, language) : Action.ALLOWED;
        return new CaseActions(approve, resume, cancel);
    }
}
