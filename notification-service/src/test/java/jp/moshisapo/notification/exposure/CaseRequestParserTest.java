package jp.moshisapo.notification.exposure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jp.moshisapo.notification.matching.MatchRule;
import jp.moshisapo.notification.matching.TimeWindow;
import jp.moshisapo.notification.notice.NoticeConfigs;
import jp.moshisapo.notification.notice.NoticeText;
import jp.moshisapo.notification.visit.Days;
import jp.moshisapo.notification.visit.Retention;
import jp.moshisapo.problem.FieldError;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.protocol.code.PrintedCode;
import org.junit.jupiter.api.Test;

class CaseRequestParserTest {

    /** 2026-11-25 12:00 in Iwate. */
    private static final Instant NOW = Instant.parse("2026-11-25T03:00:00Z");
    private static final String CODE = PrintedCode.generate(new java.security.SecureRandom()).canonical();

    private final NoticeText notice = new NoticeText(NoticeConfigs.configured());
    private final CaseRequestParser parser = new CaseRequestParser(
            new Retention(new Days(ZoneId.of("Asia/Tokyo")), 28, 7), notice, Clock.fixed(NOW, ZoneOffset.UTC),
            () -> Duration.ofMinutes(30));

    @Test
    void aDateMeansTheWholeLocalDayInIwate() {
        CaseDraft draft = parser.parse(request(List.of(CODE), List.of("2026-11-20"), null, null, null, "note"));
        assertEquals(List.of(new TimeWindow(Instant.parse("2026-11-19T15:00:00Z"),
                Instant.parse("2026-11-20T15:00:00Z"))), draft.target().windows().windows());
        assertEquals(MatchRule.SCAN, draft.target().rule(), "whole days match by scan, as before stays existed");
    }

    @Test
    void codesAreReadTheWayStaffTypeThemAndDuplicatesCountOnce() {
        String typed = new PrintedCode(CODE).display().toLowerCase().replace('0', 'o');
        CaseDraft draft = parser.parse(request(List.of(typed, CODE), List.of("2026-11-20"), null, null, null, "n"));
        assertEquals(List.of(CODE), draft.target().codes());
    }

    @Test
    void theDefaultMessageIsTheSeedNoticeWithTheConsultationCentreAndTheExtraTextAfterIt() {
        CaseDraft draft = parser.parse(request(List.of(CODE), List.of("2026-11-20"), null, null,
                "会場: 〇〇会館 2号館", "n"));
        assertTrue(draft.message().startsWith("【お知らせ】\n新型コロナウイルスの感染が判明した方が、あなたが登録した施設を"
                + "利用又は、イベントに参加していました。"));
        assertTrue(draft.message().contains("＜受診・相談センター＞ 019-651-3175\n(24時間 土日・祝日を含む全日)"));
        assertTrue(draft.message().endsWith("お住まいの地域の相談窓口にお問い合わせください。\n\n会場: 〇〇会館 2号館"));
    }

    @Test
    void theTestingTemplateAsksResidentsWithSymptomsToCallTheCentreAndAnUnknownOneIsRefused() {
        CaseDraft draft = parser.parse(new CaseRequest(List.of(CODE), List.of("2026-11-20"), null, "testing", null,
                null, "n"));
        assertEquals("testing", draft.template());
        assertTrue(draft.message().contains("検査を受けていただくため、下記の受診・相談センターに御連絡願います。"),
                draft.message());
        assertTrue(draft.message().contains("＜受診・相談センター＞ 019-651-3175"), draft.message());
        assertEquals("caution", parser.parse(request(List.of(CODE), List.of("2026-11-20"), null, null, null, "n"))
                .template());

        ProblemException e = assertThrows(ProblemException.class, () -> parser.parse(new CaseRequest(List.of(CODE),
                List.of("2026-11-20"), null, "party", null, null, "n")));
        assertEquals("template", e.problem().errors().get(0).field());
    }

    @Test
    void everyMistakeIsReportedWithItsField() {
        ProblemException e = assertThrows(ProblemException.class, () -> parser.parse(request(
                List.of("ABCD-EFGH", "ÄÄÄ"), List.of("2026-13-01", "2026-12-01", "2026-10-01"), null, " ", null, "")));
        Map<String, String> errors = e.problem().in(Language.JA, null).errors().stream()
                .collect(Collectors.toMap(FieldError::field, FieldError::message));
        assertEquals(400, e.problem().in(Language.JA, null).status());
        assertTrue(errors.get("codes[0]").contains("桁数"));
        assertTrue(errors.get("codes[1]").contains("使えない文字"));
        assertTrue(errors.get("dates[0]").contains("yyyy-MM-dd"));
        assertTrue(errors.get("dates[1]").contains("未来"));
        assertTrue(errors.get("dates[2]").contains("保存期間"));
        assertTrue(errors.containsKey("message"));
        assertTrue(errors.containsKey("note"));
    }

    @Test
    void anEmptyWindowIsRefusedClearly() {
        ProblemException e = assertThrows(ProblemException.class, () -> parser.parse(request(List.of(CODE), null,
                new CaseRequest.WindowRequest("2026-11-20T20:00+09:00", "2026-11-20T18:00+09:00"), null, null, "n")));
        assertTrue(e.problem().in(Language.JA, null).errors().get(0).message().contains("時間帯が空です"));
        ProblemException noDates = assertThrows(ProblemException.class,
                () -> parser.parse(request(List.of(CODE), List.of(), null, null, null, "n")));
        assertTrue(noDates.problem().in(Language.JA, null).errors().get(0).message().contains("時間帯が空です"));
    }

    @Test
    void aOneMinuteWindowIsRefusedSoAPreviewCannotSingleOutOnePerson() {
        ProblemException e = assertThrows(ProblemException.class, () -> parser.parse(request(List.of(CODE), null,
                new CaseRequest.WindowRequest("2026-11-20T18:00+09:00", "2026-11-20T18:01+09:00"), null, null, "n")));

        assertEquals("window", e.problem().in(Language.JA, null).errors().get(0).field());
        assertTrue(e.problem().in(Language.JA, null).errors().get(0).message().contains("時間帯は30分以上にしてください"),
                e.problem().in(Language.JA, null).errors().get(0).message());
    }

    @Test
    void aThirtyMinuteWindowIsAccepted() {
        CaseDraft draft = parser.parse(request(List.of(CODE), null,
                new CaseRequest.WindowRequest("2026-11-20T18:00+09:00", "2026-11-20T18:30+09:00"), null, null, "n"));

        assertEquals(new TimeWindow(Instant.parse("2026-11-20T09:00:00Z"), Instant.parse("2026-11-20T09:30:00Z")),
                draft.target().windows().windows().get(0));
        assertEquals(MatchRule.STAY, draft.target().rule(), "a window in hours matches by time of stay");
    }

    @Test
    void aWindowWhosePastPartIsShorterThanTheMinimumIsRefused() {
        // 12:00 now: 11:59-13:00 is an hour long, but only its last minute before now can hold visits
        ProblemException e = assertThrows(ProblemException.class, () -> parser.parse(request(List.of(CODE), null,
                new CaseRequest.WindowRequest("2026-11-25T11:59+09:00", "2026-11-25T13:00+09:00"), null, null, "n")));

        assertTrue(e.problem().in(Language.JA, null).errors().get(0).message().contains("記録が残っている部分"),
                e.problem().in(Language.JA, null).errors().get(0).message());
    }

    @Test
    void theMinimumIsStatedTheWayStaffReadIt() {
        assertEquals("30分", CaseRequestParser.japanese(Duration.ofMinutes(30)));
        assertEquals("1時間30分", CaseRequestParser.japanese(Duration.ofMinutes(90)));
        assertEquals("2 hours", CaseRequestParser.english(Duration.ofHours(2)));
    }

    @Test
    void aWindowWithoutOffsetIsIwateLocalTime() {
        CaseDraft draft = parser.parse(request(List.of(CODE), null,
                new CaseRequest.WindowRequest("2026-11-20T18:00", "2026-11-20T21:30"), null, null, "n"));
        assertEquals(Instant.parse("2026-11-20T09:00:00Z"), draft.target().windows().windows().get(0).start());
    }

    @Test
    void datesAndWindowTogetherOrNeitherAreRefused() {
        assertThrows(ProblemException.class, () -> parser.parse(request(List.of(CODE), List.of("2026-11-20"),
                new CaseRequest.WindowRequest("2026-11-20T18:00", "2026-11-20T21:30"), null, null, "n")));
        assertThrows(ProblemException.class, () -> parser.parse(request(List.of(CODE), null, null, null, null, "n")));
    }

    @Test
    void aMessageLongerThanLineAllowsIsRefused() {
        ProblemException e = assertThrows(ProblemException.class, () -> parser.parse(request(List.of(CODE),
                List.of("2026-11-20"), null, "あ".repeat(5001), null, "n")));
        assertEquals("message", e.problem().in(Language.JA, null).errors().get(0).field());
    }

    private static CaseRequest request(List<String> codes, List<String> dates, CaseRequest.WindowRequest window,
            String message, String extraText, String note) {
        return new CaseRequest(codes, dates, window, null, message, extraText, note);
    }
}
