package jp.moshisapo.notification.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jp.moshisapo.problem.Language;
import org.junit.jupiter.api.Test;

class CaseActionsTest {

    @Test
    void anApproverWhoDidNotCreateTheDraftMayApproveIt() {
        CaseActions actions = CaseActions.of(CaseState.DRAFT, false, true, Language.JA);

        assertTrue(actions.approve().allowed());
        assertTrue(actions.cancel().allowed());
    }

    @Test
    void staffWithoutTheApproverRoleAreToldSoEvenForTheirOwnCase() {
        CaseActions.Action approve = CaseActions.of(CaseState.DRAFT, true, false, Language.JA).approve();

        assertFalse(approve.allowed());
        assertEquals("not-approver", approve.reason());
        assertEquals("承認者の権限がないため承認できません。", approve.message());
    }

    @Test
    void theCreatorMayNotApproveTheirOwnCaseAndIsToldInTheirLanguage() {
        CaseActions.Action approve = CaseActions.of(CaseState.DRAFT, true, true, Language.EN).approve();

        assertFalse(approve.allowed());
        assertEquals("own-case", approve.reason());
        assertEquals("You cannot approve a case you created. Ask another approver.", approve.message());
    }

    @Test
    void aSendingCaseCanBeCancelledButNotApprovedAndAnEndedOneNeither() {
        CaseActions sending = CaseActions.of(CaseState.SENDING, false, true, Language.JA);
        CaseActions done = CaseActions.of(CaseState.DONE, false, true, Language.JA);

        assertEquals("not-draft", sending.approve().reason());
        assertTrue(sending.cancel().allowed());
        assertEquals("finished", done.cancel().reason());
    }
}
