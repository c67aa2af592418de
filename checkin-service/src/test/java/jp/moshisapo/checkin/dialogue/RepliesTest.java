package jp.moshisapo.checkin.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.linecorp.bot.messaging.model.ConfirmTemplate;
import com.linecorp.bot.messaging.model.PostbackAction;
import com.linecorp.bot.messaging.model.TemplateMessage;
import com.linecorp.bot.messaging.model.TextMessage;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import jp.moshisapo.checkin.code.CodeEntry;
import jp.moshisapo.checkin.history.HistoryEntry;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;
import org.junit.jupiter.api.Test;

class RepliesTest {

    private final ResidentTexts texts = new ResidentTexts("岩手県", "もしサポ岩手", Duration.ofMinutes(30),
            Duration.ofDays(14), "岩手県庁 健康国保課 医療情報担当\n電話 019-629-5487");
    private final Replies replies = new Replies(texts);

    @Test
    void consentPromptIsTheSeedsConsentScreenWithAgreeAndDisagree() {
        PrintedCode code = PrintedCode.generate(new SecureRandom());
        Instant scannedAt = Instant.parse("2026-11-25T03:00:00Z");
        var messages = replies.consentPrompt(new CodeEntry(code, CodeState.Status.ACTIVE, UUID.randomUUID(),
                "〇〇会館 2号館", "大宴会場"), scannedAt);

        assertEquals("「〇〇会館 2号館（大宴会場）」のQRコードを読み取りました。", ((TextMessage) messages.get(0)).text());
        ConfirmTemplate confirm = (ConfirmTemplate) ((TemplateMessage) messages.get(1)).template();
        assertEquals("「施設を利用された」・「イベント等に参加された」情報を取得します。情報取得に同意のうえ、お進みください。",
                confirm.text());
        PostbackAction agree = (PostbackAction) confirm.actions().get(0);
        PostbackAction disagree = (PostbackAction) confirm.actions().get(1);
        assertEquals(List.of("同意する", "同意しない"), List.of(agree.label(), disagree.label()));
        assertEquals(new PostbackData.Consent(true, code, scannedAt), PostbackData.parse(agree.data()).orElseThrow());
        assertEquals(new PostbackData.Consent(false, code, scannedAt),
                PostbackData.parse(disagree.data()).orElseThrow());
    }

    @Test
    void completionIsTheSeedsTextNamingTheConfiguredPrefecture() {
        assertEquals("同じ施設等の利用者に新型コロナウイルスの感染が確認され、岩手県が不特定の方への感染の恐れがあると"
                + "判断した場合には対象者にLINEメッセージでお知らせします。", texts.completed());
        ResidentTexts miyagi = new ResidentTexts("宮城県", "もしサポ宮城", Duration.ofMinutes(30), Duration.ofDays(14),
                "宮城県庁");
        assertTrue(miyagi.completed().contains("宮城県が不特定の方"));
    }

    @Test
    void historyShowsJapanTimeVenueAndRoomNewestFirst() {
        var visits = List.of(
                new HistoryEntry(UUID.randomUUID(), "X", "〇〇会館", "大宴会場", Instant.parse("2026-11-25T04:05:00Z")),
                new HistoryEntry(UUID.randomUUID(), "X", "喫茶もしも", "1階", Instant.parse("2026-11-24T23:30:00Z")));
        String text = ((TextMessage) replies.history(visits).get(0)).text();
        assertEquals("直近14日間の利用履歴（新しい順）\n11/25(水) 13:05　〇〇会館（大宴会場）\n11/25(水) 08:30　喫茶もしも（1階）",
                text);
    }

    @Test
    void longHistoriesStayWithinOneLineMessage() {
        var visits = IntStream.range(0, 500).mapToObj(i -> new HistoryEntry(UUID.randomUUID(), "X",
                "施".repeat(100), "室".repeat(50), Instant.now())).toList();
        String text = ((TextMessage) replies.history(visits).get(0)).text();
        assertTrue(text.length() <= 5000, "LINE text messages hold 5,000 characters: " + text.length());
        assertTrue(text.matches("(?s).*\\nほか4\\d\\d件"), text.substring(text.length() - 20));
    }

    @Test
    void greetingExplainsTheServiceAndHowToScan() {
        String greeting = replies.greeting().stream().map(m -> ((TextMessage) m).text()).reduce("", String::concat);
        assertTrue(greeting.contains("「もしサポ岩手」は、施設やイベント会場などに掲示されたQRコード"));
        assertTrue(greeting.contains("施設ごと、往訪日ごとに読み込んでください"));
        assertTrue(greeting.contains("「同意する」ボタン"));
    }
}
