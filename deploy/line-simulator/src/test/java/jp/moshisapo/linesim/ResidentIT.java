package jp.moshisapo.linesim;

import com.linecorp.bot.parser.LineSignatureValidator;
import com.linecorp.bot.parser.WebhookParser;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.linesim.resident.ResidentActionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scanning a poster and tapping buttons, the two things a resident does in the check-in flow. */
class ResidentIT {

    private static final String TARO = LineSimulator.userIdFor("taro");
    private static final String OA_MESSAGE = "https://line.me/R/oaMessage/%40moshisapo/?";
    private static final String CHECKIN_TEXT = "チェックイン ABCD-EFGH-J";
    private static final String CHECKIN_TEXT_ENCODED =
            "%E3%83%81%E3%82%A7%E3%83%83%E3%82%AF%E3%82%A4%E3%83%B3%20ABCD-EFGH-J";

    private final WebhookReceiver webhook = new WebhookReceiver();
    private final QrServer qr = new QrServer();
    private LineSimulator sim;
    private WebhookParser parser;
    private Api api;

    @BeforeEach
    void start() {
        sim = LineSimulator.start(LineSimulatorConfig.defaults().withWebhookUrl(webhook.url()));
        parser = new WebhookParser(new LineSignatureValidator(
                sim.config().channelSecret().getBytes(StandardCharsets.UTF_8)));
        api = new Api(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
        qr.close();
        webhook.close();
    }

    @Test
    void scanFollowsTheOaMessageRedirectAndSendsThePrefilledText() throws Exception {
        var url = qr.code("ABCDEFGHJ", 302, OA_MESSAGE + CHECKIN_TEXT_ENCODED);

        var result = sim.scan(TARO, url);

        MessageEvent event = assertInstanceOf(MessageEvent.class, next());
        assertEquals(200, result.status());
        assertEquals(CHECKIN_TEXT, ((TextMessageContent) event.message()).text());
    }

    @Test
    void plusSignInTheOaMessageTextStaysAPlusAsInAnyPercentEncodedUri() throws Exception {
        sim.scan(TARO, qr.code("PLUS", 302, OA_MESSAGE + "a+b%20c"));
        assertEquals("a+b c", ((TextMessageContent) ((MessageEvent) next()).message()).text());
    }

    @Test
    void scanOfAUrlThatDoesNotRedirectFailsClearlyAndSendsNothing() throws Exception {
        var url = qr.code("NOREDIRECT", 200, null);
        var error = assertThrows(ResidentActionException.class, () -> sim.scan(TARO, url));
        assertTrue(error.getMessage().contains("expected a 302 redirect"), error.getMessage());
        assertTrue(webhook.receivedNothingWithin(java.time.Duration.ofMillis(200)));
    }

    @Test
    void scanOfARedirectToAnotherAccountOrNotToLineFails() {
        var other = qr.code("OTHER", 302, "https://line.me/R/oaMessage/%40someoneelse/?hello");
        assertThrows(ResidentActionException.class, () -> sim.scan(TARO, other));
        var elsewhere = qr.code("ELSEWHERE", 302, "https://example.org/?hello");
        assertThrows(ResidentActionException.class, () -> sim.scan(TARO, elsewhere));
    }

    @Test
    void tapSendsThePostbackDataOfTheNewestButtonWithThatLabel() throws Exception {
        push(consentPrompt("consent=yes&v=old"));
        push(consentPrompt("consent=yes&v=new"));

        sim.tap(TARO, "同意する");

        PostbackEvent event = assertInstanceOf(PostbackEvent.class, next());
        assertEquals("consent=yes&v=new", event.postback().data());
    }

    @Test
    void tapFindsQuickReplyButtonsAndMessageActionsSendTheirText() throws Exception {
        push("{\"type\":\"text\",\"text\":\"メニュー\",\"quickReply\":{\"items\":["
                + "{\"type\":\"action\",\"action\":{\"type\":\"postback\",\"label\":\"履歴\",\"data\":\"history\"}},"
                + "{\"type\":\"action\",\"action\":{\"type\":\"message\",\"label\":\"使い方\",\"text\":\"使い方\"}}]}}");

        sim.tap(TARO, "履歴");
        assertEquals("history", ((PostbackEvent) next()).postback().data());
        sim.tap(TARO, "使い方");
        assertEquals("使い方", ((TextMessageContent) ((MessageEvent) next()).message()).text());
    }

    @Test
    void tapOfALabelNoMessageOffersFails() {
        push(Api.text("こんにちは"));
        assertThrows(ResidentActionException.class, () -> sim.tap(TARO, "同意する"));
    }

    @Test
    void inboxShowsTemplateTextAndItsButtons() {
        push(consentPrompt("consent=yes"));
        InboxMessage message = sim.inbox(TARO).get(0);
        assertEquals("push", message.via());
        assertTrue(message.text().contains("記録に同意しますか"), message.text());
        assertEquals(List.of("同意する", "同意しない"), message.actionLabels());
    }

    private void push(String message) {
        assertEquals(200, api.post("/v2/bot/message/push", Api.pushBody(TARO, message)).status());
    }

    private static String consentPrompt(String yesData) {
        return "{\"type\":\"template\",\"altText\":\"記録に同意しますか？\",\"template\":{\"type\":\"confirm\","
                + "\"text\":\"記録に同意しますか？\",\"actions\":["
                + "{\"type\":\"postback\",\"label\":\"同意する\",\"data\":\"" + yesData + "\",\"displayText\":\"同意する\"},"
                + "{\"type\":\"postback\",\"label\":\"同意しない\",\"data\":\"consent=no\"}]}}";
    }

    private Event next() throws Exception {
        WebhookReceiver.Received received = webhook.next();
        return parser.handle(received.signature(), received.body()).events().get(0);
    }
}
