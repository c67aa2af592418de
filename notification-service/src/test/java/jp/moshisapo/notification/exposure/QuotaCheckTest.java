package jp.moshisapo.notification.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jp.moshisapo.problem.Language;
import jp.moshisapo.notification.quota.MessageQuota;
import jp.moshisapo.notification.quota.QuotaCheck;
import org.junit.jupiter.api.Test;

class QuotaCheckTest {

    @Test
    void aCaseFitsWhatIsLeftAfterThisMonthsUseAndOtherCasesUnsentMessages() {
        QuotaCheck fits = QuotaCheck.of(MessageQuota.limited(10_000, 6_000), 1_000, 3_000);
        assertEquals("fits", fits.status());
        assertEquals(1_000, fits.remaining());

        QuotaCheck exceeds = QuotaCheck.of(MessageQuota.limited(10_000, 6_000), 1_001, 3_000);
        assertEquals("exceeds", exceeds.status());
        assertEquals("over-quota", CaseActions.of(CaseState.DRAFT, false, true, exceeds, Language.EN).approve()
                .reason());
    }

    @Test
    void noLimitOrAnUnreadableQuotaNeverRefusesApproval() {
        assertEquals("unlimited", QuotaCheck.of(MessageQuota.unlimited(5), 1_000_000, 0).status());
        QuotaCheck unknown = QuotaCheck.of(MessageQuota.unknown("/v2/bot/message/quota answered HTTP 401"), 10, 0);
        assertEquals("unknown", unknown.status());
        assertNull(unknown.remaining());
        assertEquals(true, CaseActions.of(CaseState.DRAFT, false, true, unknown, Language.JA).approve().allowed());
    }

    @Test
    void onlyAnApproverMayResumeAndOnlyAPausedCase() {
        assertEquals(true, CaseActions.of(CaseState.PAUSED, true, true, Language.JA).resume().allowed());
        assertEquals("not-approver", CaseActions.of(CaseState.PAUSED, false, false, Language.JA).resume().reason());
        assertEquals("not-paused", CaseActions.of(CaseState.SENDING, false, true, Language.JA).resume().reason());
        assertEquals(true, CaseActions.of(CaseState.PAUSED, false, false, Language.JA).cancel().allowed());
    }
}
