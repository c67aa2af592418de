package jp.moshisapo.linesim;

import com.linecorp.bot.parser.LineSignatureValidator;
import com.linecorp.bot.parser.WebhookParseException;
import com.linecorp.bot.parser.WebhookParser;
import com.linecorp.bot.webhook.model.CallbackRequest;
import com.linecorp.bot.webhook.model.EventMode;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UnfollowEvent;
import com.linecorp.bot.webhook.model.UserSource;
import jp.moshisapo.linesim.webhook.SignedWebhook;
import jp.moshisapo.linesim.webhook.WebhookResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The webhook side: what the check-in service receives must be exactly what LINE sends, readable by the SDK. */
class WebhookIT {

    private static final String HANAKO = LineSimulator.userIdFor("hanako");

    private final WebhookReceiver webhook = new WebhookReceiver();
    private LineSimulator sim;
    private WebhookParser parser;

    @BeforeEach
    void start() {
        sim = LineSimulator.start(LineSimulatorConfig.defaults().withWebhookUrl(webhook.url()));
        parser = new WebhookParser(new LineSignatureValidator(
                sim.config().channelSecret().getBytes(StandardCharsets.UTF_8)));
    }

    @AfterEach
    void stop() {
        sim.close();
        webhook.close();
    }

    @Test
    void followTextPostbackAndUnfollowArriveSignedAndParseWithTheLineSdk() throws Exception {
        WebhookResult followed = sim.follow(HANAKO);
        FollowEvent follow = assertInstanceOf(FollowEvent.class, parseOnly(webhook.next()));
        assertEquals(200, followed.status());
        assertEquals(followed.webhookEventId(), follow.webhookEventId());
        assertEquals(HANAKO, ((UserSource) follow.source()).userId());
        assertEquals(EventMode.ACTIVE, follow.mode());
        assertFalse(follow.deliveryContext().isRedelivery());
        assertFalse(follow.follow().isUnblocked());
        assertTrue(follow.replyToken().matches("[0-9a-f]{32}"));
        assertTrue(follow.webhookEventId().matches("[0-9A-HJKMNP-TV-Z]{26}"));

        sim.sendText(HANAKO, "チェックイン ABCD-EFGH-J");
        MessageEvent message = assertInstanceOf(MessageEvent.class, parseOnly(webhook.next()));
        TextMessageContent text = assertInstanceOf(TextMessageContent.class, message.message());
        assertEquals("チェックイン ABCD-EFGH-J", text.text());
        assertNotNull(text.id());
        assertNotNull(text.quoteToken());
        assertNotNull(message.replyToken());
        assertNotNull(message.timestamp());

        sim.postback(HANAKO, "consent=yes&code=ABCDEFGHJ");
        PostbackEvent postback = assertInstanceOf(PostbackEvent.class, parseOnly(webhook.next()));
        assertEquals("consent=yes&code=ABCDEFGHJ", postback.postback().data());

        sim.unfollow(HANAKO);
        UnfollowEvent unfollow = assertInstanceOf(UnfollowEvent.class, parseOnly(webhook.next()));
        assertEquals(HANAKO, ((UserSource) unfollow.source()).userId());

        sim.follow(HANAKO);
        FollowEvent refollow = assertInstanceOf(FollowEvent.class, parseOnly(webhook.next()));
        assertTrue(refollow.follow().isUnblocked(), "following again after blocking is an unblock");
    }

    @Test
    void aResidentsClockOffsetShiftsTheTimestampsOfTheirEventsOnly() throws Exception {
        String taro = LineSimulator.userIdFor("taro");
        sim.setClockOffset(HANAKO, java.time.Duration.ofDays(-1));
        long now = System.currentTimeMillis();

        sim.follow(HANAKO);
        long hanakos = timestampOf(webhook.next());
        sim.follow(taro);
        long taros = timestampOf(webhook.next());

        long dayMillis = java.time.Duration.ofDays(1).toMillis();
        assertTrue(Math.abs(hanakos - (now - dayMillis)) < 60_000, "hanako's event is a day earlier");
        assertTrue(Math.abs(taros - now) < 60_000, "taro's event is now");
    }

    private static long timestampOf(WebhookReceiver.Received received) throws Exception {
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(received.body())
                .get("events").get(0).get("timestamp").asLong();
    }

    @Test
    void webhookRequestCarriesLineHeadersAndTheBotAsDestination() throws Exception {
        sim.follow(HANAKO);
        WebhookReceiver.Received received = webhook.next();
        assertEquals("application/json; charset=utf-8", received.contentType());
        assertTrue(received.userAgent().startsWith("LineBotWebhook/"));
        CallbackRequest request = parser.handle(received.signature(), received.body());
        assertTrue(request.destination().matches("^U[0-9a-f]{32}$"));
    }

    @Test
    void bodyWithForgedSignatureIsPostedAsGivenAndTheSdkRejectsIt() throws Exception {
        byte[] body = "{\"destination\":\"U0\",\"events\":[]}".getBytes(StandardCharsets.UTF_8);
        WebhookResult result = sim.sendRaw(body, "Zm9yZ2Vk");
        WebhookReceiver.Received received = webhook.next();
        assertEquals(200, result.status());
        assertNull(result.webhookEventId());
        assertEquals("Zm9yZ2Vk", received.signature());
        assertThrows(WebhookParseException.class, () -> parser.handle(received.signature(), received.body()));

        sim.sendRaw(body, null);
        assertNull(webhook.next().signature());
    }

    @Test
    void failedDeliveryIsRedeliveredWithTheSameEventIdMarkedAsRedelivery() throws Exception {
        sim.reconfigure(c -> c.withWebhookRedeliveries(2));
        webhook.answerNext(500);

        WebhookResult result = sim.sendText(HANAKO, "こんにちは");

        MessageEvent first = (MessageEvent) parseOnly(webhook.next());
        MessageEvent second = (MessageEvent) parseOnly(webhook.next());
        assertEquals(200, result.status());
        assertEquals(2, result.attempts());
        assertEquals(first.webhookEventId(), second.webhookEventId());
        assertEquals(result.webhookEventId(), second.webhookEventId());
        assertFalse(first.deliveryContext().isRedelivery());
        assertTrue(second.deliveryContext().isRedelivery());
        assertEquals(first.replyToken(), second.replyToken());
    }

    @Test
    void failedDeliveryWithoutRedeliveryReportsTheStatusOnce() throws Exception {
        webhook.answerNext(503);
        WebhookResult result = sim.sendText(HANAKO, "こんにちは");
        assertEquals(503, result.status());
        assertEquals(1, result.attempts());
        assertFalse(result.ok());
        webhook.next();
        assertTrue(webhook.receivedNothingWithin(Duration.ofMillis(300)), "no redelivery when it is off");
    }

    @Test
    void unreachableWebhookCountsAsNoAnswer() {
        webhook.close();
        WebhookResult result = sim.follow(HANAKO);
        assertEquals(0, result.status());
        assertFalse(result.ok());
    }

    @Test
    void manualRedeliveryRepostsTheEventMarkedAsRedelivery() throws Exception {
        WebhookResult original = sim.postback(HANAKO, "consent=yes");
        PostbackEvent first = (PostbackEvent) parseOnly(webhook.next());

        WebhookResult again = sim.redeliver(original.webhookEventId());

        PostbackEvent second = (PostbackEvent) parseOnly(webhook.next());
        assertEquals(200, again.status());
        assertEquals(first.webhookEventId(), second.webhookEventId());
        assertEquals("consent=yes", second.postback().data());
        assertTrue(second.deliveryContext().isRedelivery());
    }

    @Test
    void signedEventsAreWhatLineWouldPostWithALiveReplyTokenAndNothingIsSent() throws Exception {
        SignedWebhook text = sim.signedText(HANAKO, "チェックイン ABCD-EFGH-J");
        SignedWebhook postback = sim.signedPostback(HANAKO, "consent=yes&code=ABCDEFGHJ");

        assertTrue(webhook.receivedNothingWithin(Duration.ofMillis(300)), "signing an event posts nothing");
        CallbackRequest request = parser.handle(text.signature(), text.body());
        MessageEvent message = assertInstanceOf(MessageEvent.class, request.events().get(0));
        assertEquals("チェックイン ABCD-EFGH-J", ((TextMessageContent) message.message()).text());
        assertEquals(HANAKO, ((UserSource) message.source()).userId());
        assertFalse(message.deliveryContext().isRedelivery());
        PostbackEvent consent = assertInstanceOf(PostbackEvent.class,
                parser.handle(postback.signature(), postback.body()).events().get(0));
        assertEquals("consent=yes&code=ABCDEFGHJ", consent.postback().data());

        Api api = new Api(sim);
        String reply = Api.replyBody(message.replyToken(), Api.text("a"));
        assertEquals(200, api.post("/v2/bot/message/reply", reply).status(), "the reply token is live");
        assertEquals(400, api.post("/v2/bot/message/reply", reply).status(), "and single-use");
        assertThrows(WebhookParseException.class, () -> parser.handle(text.signature(), postback.body()));
    }

    @Test
    void userWhoBlockedTheAccountCannotSendMessages() {
        sim.follow(HANAKO);
        sim.unfollow(HANAKO);
        assertThrows(RuntimeException.class, () -> sim.sendText(HANAKO, "こんにちは"));
    }

    @Test
    void userIdsMustHaveLineFormat() {
        assertThrows(IllegalArgumentException.class, () -> sim.follow("hanako"));
        assertThrows(IllegalArgumentException.class, () -> sim.sendText("U" + "A".repeat(32), "x"));
    }

    private com.linecorp.bot.webhook.model.Event parseOnly(WebhookReceiver.Received received) throws Exception {
        CallbackRequest request = parser.handle(received.signature(), received.body());
        assertEquals(1, request.events().size());
        return request.events().get(0);
    }
}
