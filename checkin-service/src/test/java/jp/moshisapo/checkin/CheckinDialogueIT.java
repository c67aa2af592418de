package jp.moshisapo.checkin;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static jp.moshisapo.checkin.Chat.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import jp.moshisapo.checkin.code.CodeViewRepository;
import jp.moshisapo.checkin.dialogue.PostbackData;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.protocol.richmenu.MenuItem;
import jp.moshisapo.servers.EventContracts;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The resident's dialogue of the seed, against real Kafka, PostgreSQL and the LINE simulator. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class CheckinDialogueIT {

    static final String CONSENT = "「施設を利用された」・「イベント等に参加された」情報を取得します。情報取得に同意のうえ、お進みください。";
    static final String COMPLETED = "同じ施設等の利用者に新型コロナウイルスの感染が確認され、岩手県が不特定の方への感染の恐れが"
            + "あると判断した場合には対象者にLINEメッセージでお知らせします。";
    private static final ObjectMapper JSON = new ObjectMapper();

    @InjectLineSimulator
    LineSimulator sim;

    @TestHTTPResource("/line/webhook")
    URI webhook;

    @Inject
    CodeViewRepository codes;

    @BeforeEach
    void pointTheSimulatorHere() {
        Chat.connect(sim, webhook);
    }

    @Test
    void followingTheAccountGreetsWithHowToScanAndMarksTheResidentReachable() {
        Chat hanako = new Chat(sim, "hanako");

        List<String> greeting = texts(hanako.follow(2));

        assertTrue(greeting.get(0).startsWith("友だち追加ありがとうございます。"), greeting.get(0));
        assertTrue(greeting.get(1).contains("【利用方法】"), greeting.get(1));
        assertTrue(greeting.get(1).contains("施設ごと、往訪日ごとに読み込んでください"), greeting.get(1));
        JsonNode event = onlyResidentEvent(hanako);
        assertEquals("REACHABLE", event.get("type").asText());
    }

    @Test
    void scanConsentRecordsTheVisitOnKafkaBeforeSayingSo() throws Exception {
        PrintedCode code = Venues.issue(codes, "〇〇会館 2号館", "大宴会場");
        Chat taro = new Chat(sim, "taro");

        List<InboxMessage> prompt = taro.say("チェックイン " + code.display(), 2);
        Instant scannedAt = Instant.now();
        assertEquals("「〇〇会館 2号館（大宴会場）」のQRコードを読み取りました。", prompt.get(0).text());
        assertEquals("template", prompt.get(1).type());
        assertEquals(CONSENT, prompt.get(1).message().path("template").path("text").asText());
        assertEquals(List.of("同意する", "同意しない"), prompt.get(1).actionLabels());

        List<String> done = texts(taro.tap("同意する", 1));

        assertEquals(List.of(COMPLETED), done);
        List<String> visits = TopicReader.visitsOf(taro.userId());
        assertEquals(1, visits.size(), "exactly one visit on " + Topic.CHECKIN_VISITS);
        EventContracts.assertValid(EventContracts.VISIT_RECORDED, visits.get(0));
        JsonNode visit = JSON.readTree(visits.get(0));
        assertEquals(code.canonical(), visit.get("code").asText());
        assertEquals(taro.userId(), TopicReader.openedLineUserId(visits.get(0)), "the id is sealed, and opens");
        assertFalse(visits.get(0).contains(taro.userId()), "no LINE user id in clear");
        Instant visitedAt = Instant.parse(visit.get("visitedAt").asText());
        assertTrue(Duration.between(visitedAt, scannedAt).abs().toSeconds() < 10, "visitedAt is the scan time");
        assertTrue(!Instant.parse(visit.get("recordedAt").asText()).isBefore(visitedAt));
        assertEquals(code.canonical(), TopicReader.records(Topic.CHECKIN_VISITS,
                r -> taro.userId().equals(TopicReader.openedLineUserId(r.value()))).get(0).key(),
                "visits are keyed by code");
    }

    @Test
    void everyVisitIsRecordedIncludingRepeatVisitsOnTheSameDay() {
        PrintedCode code = Venues.issue(codes, "喫茶もしも", "1階");
        Chat jiro = new Chat(sim, "jiro");

        jiro.say("チェックイン " + code.display(), 2);
        jiro.tap("同意する", 1);
        jiro.say("チェックイン " + code.display(), 2);
        jiro.tap("同意する", 1);

        List<String> visits = TopicReader.visitsOf(jiro.userId());
        assertEquals(2, visits.size());
        assertNotEquals(visitId(visits.get(0)), visitId(visits.get(1)));
    }

    @Test
    void tappingAgreeTwiceOnTheSamePromptRecordsOneVisit() {
        PrintedCode code = Venues.issue(codes, "もしもホール", "A室");
        Chat saburo = new Chat(sim, "saburo");
        saburo.say("チェックイン " + code.display(), 2);
        saburo.tap("同意する", 1);

        List<String> second = texts(saburo.tap("同意する", 1));

        assertTrue(second.get(0).startsWith("この読み取りはすでに登録されています。"), second.get(0));
        assertEquals(1, TopicReader.visitsOf(saburo.userId()).size());
    }

    @Test
    void refusingConsentRecordsNothing() {
        PrintedCode code = Venues.issue(codes, "盛岡もしも食堂", "座敷");
        Chat shiro = new Chat(sim, "shiro");
        shiro.say("チェックイン " + code.display(), 2);

        List<String> reply = texts(shiro.tap("同意しない", 1));

        assertTrue(reply.get(0).contains("利用情報は登録していません"), reply.get(0));
        assertEquals(List.of(), TopicReader.visitsOf(shiro.userId()));
    }

    @Test
    void anUnknownCodeIsAnsweredClearlyAndRecordsNothing() {
        PrintedCode neverIssued = PrintedCode.generate(new java.security.SecureRandom());
        Chat goro = new Chat(sim, "goro");

        List<String> reply = texts(goro.say("チェックイン " + neverIssued.display(), 1));

        assertEquals(List.of("このQRコードは登録されていません。施設等に掲示されているQRコードをもう一度読み取ってください。"), reply);
        assertEquals(List.of(), TopicReader.visitsOf(goro.userId()));
    }

    @Test
    void aRevokedCodeIsAnsweredClearlyAndRecordsNothing() {
        PrintedCode code = Venues.issue(codes, "旧館", "2階");
        Venues.revoke(codes, code);
        Chat rokuro = new Chat(sim, "rokuro");

        List<String> reply = texts(rokuro.say("チェックイン " + code.display(), 1));

        assertTrue(reply.get(0).startsWith("このQRコードは利用が終了しているため、登録できません。"), reply.get(0));
        assertEquals(List.of(), TopicReader.visitsOf(rokuro.userId()));
    }

    @Test
    void aCodeRevokedBetweenScanAndConsentRecordsNothing() {
        PrintedCode code = Venues.issue(codes, "閉店前の店", "レジ前");
        Chat nanami = new Chat(sim, "nanami");
        nanami.say("チェックイン " + code.display(), 2);
        Venues.revoke(codes, code);

        List<String> reply = texts(nanami.tap("同意する", 1));

        assertTrue(reply.get(0).startsWith("このQRコードは利用が終了しているため"), reply.get(0));
        assertEquals(List.of(), TopicReader.visitsOf(nanami.userId()));
    }

    @Test
    void consentTappedLongAfterTheScanAsksToScanAgainAndRecordsNothing() {
        PrintedCode code = Venues.issue(codes, "イベント会場", "アリーナ");
        Chat hachiro = new Chat(sim, "hachiro");
        hachiro.say("チェックイン " + code.display(), 2);

        hachiro.shiftClock(Duration.ofMinutes(31)); // the prompt stays open on the phone for 31 minutes
        List<String> reply = texts(hachiro.tap("同意する", 1));

        assertEquals(List.of("QRコードの読み取りから30分以上経過したため、登録できませんでした。"
                + "お手数ですが、もう一度QRコードを読み取ってください。"), reply);
        assertEquals(List.of(), TopicReader.visitsOf(hachiro.userId()));
    }

    @Test
    void consentTappedWithinHalfAnHourIsRecorded() {
        PrintedCode code = Venues.issue(codes, "イベント会場", "ロビー");
        Chat hana = new Chat(sim, "hana");
        hana.say("チェックイン " + code.display(), 2);

        hana.shiftClock(Duration.ofMinutes(29));

        assertEquals(List.of(COMPLETED), texts(hana.tap("同意する", 1)));
        assertEquals(1, TopicReader.visitsOf(hana.userId()).size());
    }

    @Test
    void anOldConsentButtonOfAnotherScanIsStaleToo() {
        PrintedCode code = Venues.issue(codes, "イベント会場", "控室");
        Chat goichi = new Chat(sim, "goichi");
        // Data of a 同意する button from a prompt shown an hour ago (the resident scrolled up and tapped it).
        String oldButton = new PostbackData.Consent(true, code, Instant.now().minus(Duration.ofHours(1))).encode();

        List<String> reply = texts(goichi.postback(oldButton, 1));

        assertTrue(reply.get(0).startsWith("QRコードの読み取りから30分以上経過したため"), reply.get(0));
        assertEquals(List.of(), TopicReader.visitsOf(goichi.userId()));
    }

    @Test
    void aCodeTypedInFullWidthAmongEmojiIsFoundAndTheVenuesUnicodeNameSurvives() {
        PrintedCode code = Venues.issue(codes, "カフェ☕もしも🍰", "テラス席🌸");
        Chat kuro = new Chat(sim, "kuro");
        StringBuilder fullWidth = new StringBuilder();
        for (char c : code.canonical().toLowerCase().toCharArray()) {
            fullWidth.append((char) (c + 0xFEE0));
        }

        List<InboxMessage> prompt = kuro.say("😀こんにちは！ " + fullWidth + " 👍🏽", 2);

        assertEquals("「カフェ☕もしも🍰（テラス席🌸）」のQRコードを読み取りました。", prompt.get(0).text());
        kuro.tap("同意する", 1);
        assertEquals(1, TopicReader.visitsOf(kuro.userId()).size());
    }

    @Test
    void emojiOrOtherTextsGetTheShortHelp() {
        Chat juro = new Chat(sim, "juro");

        for (String text : List.of("🙏🙏🙏", "使い方", "こんにちは", "ｈｅｌｌｏ")) {
            String help = juro.say(text, 1).get(0).text();
            assertTrue(help.contains("「履歴」…直近14日間の利用履歴を表示します"), text + " → " + help);
        }
    }

    /** The rich menu's QRコードの読み取り方 and お問い合わせ send these words; each gets its own answer. */
    @Test
    void theRichMenusHowToScanAndContactAreAnsweredWithTheSeedsTexts() {
        Chat rin = new Chat(sim, "rin");
        String howTo = texts(rin.say(MenuItem.HOW_TO_SCAN.text(), 1)).get(0);
        assertTrue(howTo.contains("② 「友だち追加」画面の『QRコード』ボタンを押す"), howTo);
        String contact = texts(rin.say(MenuItem.CONTACT.text(), 1)).get(0);
        assertTrue(contact.contains("岩手県庁 健康国保課 医療情報担当\n電話 019-629-5487\n時間 9:00～17:00（平日のみ）"),
                contact);
    }

    @Test
    void aMistypedCodeAsksToCheckTheCode() {
        PrintedCode code = Venues.issue(codes, "図書館", "閲覧室");
        String body = code.canonical().substring(0, 8);
        char wrong = PrintedCode.ALPHABET.charAt((PrintedCode.ALPHABET.indexOf(code.canonical().charAt(8)) + 1) % 32);
        Chat ichiro = new Chat(sim, "ichiro");

        String reply = ichiro.say("チェックイン " + body + wrong, 1).get(0).text();

        assertTrue(reply.startsWith("コードを確認できませんでした。"), reply);
    }

    @Test
    void unfollowingMarksTheResidentUnreachable() {
        Chat yuki = new Chat(sim, "yuki");
        yuki.follow(2);

        sim.unfollow(yuki.userId());

        JsonNode unreachable = await("UNREACHABLE on " + Topic.CHECKIN_RESIDENTS).atMost(Duration.ofSeconds(20))
                .until(() -> {
            var events = TopicReader.residentEventsOf(yuki.userId());
            return events.size() == 2 ? read(events.get(1).value()) : null;
        }, notNullValue());
        assertEquals("UNREACHABLE", unreachable.get("type").asText());
        EventContracts.assertValid(EventContracts.RESIDENT_EVENT, unreachable.toString());
    }

    private static JsonNode onlyResidentEvent(Chat chat) {
        var events = TopicReader.residentEventsOf(chat.userId());
        assertEquals(1, events.size());
        EventContracts.assertValid(EventContracts.RESIDENT_EVENT, events.get(0).value());
        return read(events.get(0).value());
    }

    private static String visitId(String json) {
        return read(json).get("visitId").asText();
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
