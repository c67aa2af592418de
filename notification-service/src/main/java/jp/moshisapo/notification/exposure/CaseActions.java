package jp.moshisapo.notification.exposure;

import com.fasterxml.jackson.annotation.JsonInclude;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.Text;

/**
 * What the staff member reading a case may do with it now, and why not. The staff console shows its buttons from
 * this and decides nothing itself; approve and cancel apply the same rules when called.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseActions(Action approve, Action cancel) {

    static final Text NOT_DRAFT = Text.of("承認できるのは下書き（DRAFT）の案件だけです。",
            "Only a draft (DRAFT) can be approved.");
    static final Text NOT_APPROVER = Text.of("承認者の権限がないため承認できません。",
            "You cannot approve: you do not have the approver role.");
    static final Text OWN_CASE = Text.of("自分が作成した案件は承認できません。別の承認者に承認を依頼してください。",
            "You cannot approve a case you created. Ask another approver.");
    static final Text FINISHED = Text.of("この案件はすでに終了しています。", "This case has already ended.");

    /** {@code reason} is a stable word for programs; {@code message} says it to a person in their language. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Action(boolean allowed, String reason, String message) {

        static final Action ALLOWED = new Action(true, null, null);

        static Action refused(String reason, Text message, Language language) {
            return new Action(false, reason, message.in(language));
        }
    }

    /**
     * Four eyes: only an approver, never the creator, approves, and only a draft. Any staff member may cancel a
     * case that has not ended (the kill switch).
     */
    public static CaseActions of(CaseState state, boolean ownCase, boolean approver, Language language) {
        Action approve;
        if (state != CaseState.DRAFT) {
            approve = Action.refused("not-draft", NOT_DRAFT, language);
        } else if (!approver) {
            approve = Action.refused("not-approver", NOT_APPROVER, language);
        } else if (ownCase) {
            approve = Action.refused("own-case", OWN_CASE, language);
        } else {
            approve = Action.ALLOWED;
        }
        Action cancel = state.isFinal() ? Action.refused("finished", FINISHED, language) : Action.ALLOWED;
        return new CaseActions(approve, cancel);
    }
}
