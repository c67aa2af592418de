package jp.moshisapo.linesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.linecorp.bot.parser.LineSignatureValidator;
import com.linecorp.bot.parser.WebhookParser;
import com.linecorp.bot.webhook.model.ReplyEvent;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.linesim.messaging.FaultRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Messaging API's rules, checked over real HTTP exactly as a service meets them. */
class MessagingApiIT {

    private static final String MULTICAST = "/v2/bot/message/multicast";
    private static final String PUSH = "/v2/bot/message/push";
    private static final String REPLY = "/v2/bot/message/reply";
    private static final String JIRO = LineSimulator.userIdFor("jiro");

    private final WebhookReceiver webhook = new WebhookReceiver();
    private LineSimulator sim;
    private Api api;

    @BeforeEach
    void start() {
        sim = LineSimulator.start(LineSimulatorConfig.defaults().withWebhookUrl(webhook.url()));
        api = new Api(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
        webhook.close();
    }

    @Test
    void requestWithoutOrWithAWrongBearerTokenIsRejectedWith401() {
        var missing = api.withToken(null).post(PUSH, Api.pushBody(JIRO, Api.text("x")));
        var wrong = api.withToken("not-the-token").post(PUSH, Api.pushBody(JIRO, Api.text("x")));

        assertEquals(401, missing.status());
        assertTrue(missing.body().path("message").asText().startsWith("Authorization header required"));
        assertEquals(401, wrong.status());
        assertTrue(wrong.body().path("message").asText().startsWith("Authentication failed"));
        assertNotNull(wrong.header("x-line-request-id"));
        assertEquals(0, sim.inboxSize(JIRO));
    }

    @Test
    void quotaIsNoneUntilALimitIsSetAndConsumptionCountsEveryMessageToEveryRecipient() throws Exception {
        assertEquals("none", api.get("/v2/bot/message/quota").body().path("type").asText());
        assertTrue(api.get("/v2/bot/message/quota").body().path("value").isMissingNode());

        api.post(MULTICAST, Api.multicastBody(Api.users("resident-", 3), Api.text("一つ目"), Api.text("二つ目")));
        api.post(REPLY, Api.replyBody(replyTokenFromAMessageEvent(), Api.text("返信は無料")));
        sim.quota().limit(1000L);

        JsonNode quota = api.get("/v2/bot/message/quota").body();
        assertEquals("limited", quota.path("type").asText());
        assertEquals(1000, quota.path("value").asLong());
        assertEquals(6, api.get("/v2/bot/message/quota/consumption").body().path("totalUsage").asLong(),
                "two messages to three residents count six; replies are free");
        assertEquals(401, api.withToken("not-the-token").get("/v2/bot/message/quota").status());
    }

    @Test
    void aMulticastPastTheMonthlyLimitIsRefusedWholeWithLinesBodyAndItsRetryKeyWorksOnceTheLimitIsRaised() {
        sim.quota().limit(700L);
        assertEquals(200, api.post(MULTICAST, Api.multicastBody(Api.users("first-", 500), Api.text("お知らせ")),
                UUID.randomUUID().toString()).status());
        String key = UUID.randomUUID().toString();
        List<String> second = Api.users("second-", 500);

        var refused = api.post(MULTICAST, Api.multicastBody(second, Api.text("お知らせ")), key);
        assertEquals(429, refused.status());
        assertEquals("You have reached your monthly limit.", refused.body().path("message").asText());
        assertTrue(second.stream().allMatch(u -> sim.inboxSize(u) == 0), "LINE processes no part of a 429");
        assertEquals(500, api.get("/v2/bot/message/quota/consumption").body().path("totalUsage").asLong());

        sim.quota().limit(1000L);
        assertEquals(200, api.post(MULTICAST, Api.multicastBody(second, Api.text("お知らせ")), key).status(),
                "the refused request's retry key was never accepted");
        assertTrue(second.stream().allMatch(u -> sim.inboxSize(u) == 1));
        assertEquals(409, api.post(MULTICAST, Api.multicastBody(second, Api.text("お知らせ")), key).status());
        assertEquals(1000, api.get("/v2/bot/message/quota/consumption").body().path("totalUsage").asLong());
    }

    @Test
    void aRevokedTokenIsAnswered401LikeAWrongOneUntilReissued() {
        sim.token().revoked(true);
        var revoked = api.post(MULTICAST, Api.multicastBody(List.of(JIRO), Api.text("お知らせ")),
                UUID.randomUUID().toString());
        assertEquals(401, revoked.status());
        assertTrue(revoked.body().path("message").asText().startsWith("Authentication failed"));
        assertEquals(0, sim.inboxSize(JIRO));

        sim.token().revoked(false);
        assertEquals(200, api.post(MULTICAST, Api.multicastBody(List.of(JIRO), Api.text("お知らせ"))).status());
        assertEquals(1, sim.inboxSize(JIRO));
    }

    @Test
    void multicastTo500UsersReachesEachOfThemOnce() {
        List<String> users = Api.users("resident-", 500);
        var response = api.post(MULTICAST, Api.multicastBody(users, Api.text("お知らせ")));

        assertEquals(200, response.status());
        assertEquals(0, response.body().size(), "multicast answers {}");
        assertNotNull(response.header("x-line-request-id"));
        assertTrue(users.stream().allMatch(u -> sim.inboxSize(u) == 1));
        assertEquals("お知らせ", sim.inbox(users.get(499)).get(0).text());
        assertEquals(500, sim.stats().usersWithMessages());
    }

    @Test
    void multicastTo501UsersIsRejectedWithLinesErrorAndNothingIsDelivered() {
        var response = api.post(MULTICAST, Api.multicastBody(Api.users("resident-", 501), Api.text("お知らせ")));

        assertEquals(400, response.status());
        assertEquals("The request body has 1 error(s)", response.body().path("message").asText());
        JsonNode detail = response.body().path("details").get(0);
        assertEquals("Size must be between 1 and 500", detail.path("message").asText());
        assertEquals("to", detail.path("property").asText());
        assertEquals(0, sim.stats().messagesDelivered());
    }

    @Test
    void multicastToNobodyOrToMalformedIdsIsRejected() {
        assertEquals(400, api.post(MULTICAST, Api.multicastBody(List.of(), Api.text("x"))).status());
        var malformed = api.post(MULTICAST, Api.multicastBody(List.of(JIRO, "jiro"), Api.text("x")));
        assertEquals(400, malformed.status());
        assertEquals("to[1]", malformed.body().path("details").get(0).path("property").asText());
        assertEquals(0, sim.inboxSize(JIRO));
    }

    @Test
    void messagesMustBeOneToFiveValidMessageObjects() {
        String six = String.join(",", java.util.Collections.nCopies(6, Api.text("x")));
        assertEquals(400, api.post(PUSH, Api.pushBody(JIRO, six)).status());
        assertEquals(400, api.post(PUSH, "{\"to\":\"" + JIRO + "\",\"messages\":[]}").status());

        var emptyText = api.post(PUSH, Api.pushBody(JIRO, "{\"type\":\"text\",\"text\":\"\"}"));
        assertEquals(400, emptyText.status());
        assertEquals("messages[0].text", emptyText.body().path("details").get(0).path("property").asText());

        var longLabel = api.post(PUSH, Api.pushBody(JIRO, "{\"type\":\"template\",\"altText\":\"a\",\"template\":"
                + "{\"type\":\"confirm\",\"text\":\"t\",\"actions\":[{\"type\":\"postback\",\"label\":\""
                + "あ".repeat(21) + "\",\"data\":\"d\"},{\"type\":\"postback\",\"label\":\"no\",\"data\":\"n\"}]}}"));
        assertEquals(400, longLabel.status());
        assertEquals("messages[0].template.actions[0].label",
                longLabel.body().path("details").get(0).path("property").asText());
        assertEquals(0, sim.inboxSize(JIRO));
    }

    @Test
    void aFlexNoticeWithCallAndPageButtonsIsDeliveredAndBrokenFlexIsRefusedWithTheProperty() {
        String notice = flex("【お知らせ】", button("受診・相談センターに電話", "tel:0196513175")
                + "," + button("県のホームページを見る", "https://www.pref.iwate.jp/"));
        assertEquals(200, api.post(PUSH, Api.pushBody(JIRO, notice)).status());
        var delivered = sim.inbox(JIRO).get(0);
        assertEquals("【お知らせ】", delivered.text(), "the alt text is what the chat list shows");
        assertEquals(List.of("tel:0196513175", "https://www.pref.iwate.jp/"),
                delivered.links().stream().map(l -> l.uri()).toList());

        assertRefused(flex("a".repeat(401), ""), "messages[0].altText");
        assertRefused(flex("a", button("x", "javascript:alert(1)")), "messages[0].contents.footer.contents[0].action.uri");
        assertRefused(flex("a", button("あ".repeat(41), "tel:1")),
                "messages[0].contents.footer.contents[0].action.label");
        assertRefused(flex("a", "{\"type\":\"button\",\"action\":{\"type\":\"launch\",\"label\":\"x\"}}"),
                "messages[0].contents.footer.contents[0].action.type");
        assertRefused(flex("a", "{\"type\":\"spinner\"}"), "messages[0].contents.footer.contents[0].type");
        assertRefused("{\"type\":\"flex\",\"altText\":\"a\",\"contents\":{\"type\":\"bubble\",\"body\":"
                + "{\"type\":\"box\",\"layout\":\"vertical\",\"contents\":[{\"type\":\"text\",\"text\":\""
                + "あ".repeat(11_000) + "\"}]}}}", "messages[0].contents");
        String bubble = "{\"type\":\"bubble\",\"body\":{\"type\":\"box\",\"layout\":\"vertical\",\"contents\":[]}}";
        assertRefused("{\"type\":\"flex\",\"altText\":\"a\",\"contents\":{\"type\":\"carousel\",\"contents\":["
                + String.join(",", java.util.Collections.nCopies(13, bubble)) + "]}}", "messages[0].contents.contents");
        assertEquals(1, sim.inboxSize(JIRO));
    }

    private void assertRefused(String message, String property) {
        var response = api.post(PUSH, Api.pushBody(JIRO, message));
        assertEquals(400, response.status(), property);
        assertEquals(property, response.body().path("details").get(0).path("property").asText());
    }

    private static String flex(String altText, String footerButtons) {
        return "{\"type\":\"flex\",\"altText\":\"" + altText + "\",\"contents\":{\"type\":\"bubble\","
                + "\"body\":{\"type\":\"box\",\"layout\":\"vertical\",\"contents\":[{\"type\":\"text\","
                + "\"text\":\"【お知らせ】\",\"wrap\":true}]},\"footer\":{\"type\":\"box\",\"layout\":\"vertical\","
                + "\"contents\":[" + footerButtons + "]}}}";
    }

    private static String button(String label, String uri) {
        return "{\"type\":\"button\",\"style\":\"primary\",\"action\":{\"type\":\"uri\",\"label\":\"" + label
                + "\",\"uri\":\"" + uri + "\"}}";
    }

    @Test
    void overTheRateLimitTheApiAnswers429() {
        sim.reconfigure(c -> c.withMulticastPerSecond(3));
        List<Api.Response> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            responses.add(api.post(MULTICAST, Api.multicastBody(List.of(JIRO), Api.text("x" + i))));
        }

        List<Integer> statuses = responses.stream().map(Api.Response::status).toList();
        assertEquals(List.of(200, 200, 200), statuses.subList(0, 3), "a burst of one second's worth passes");
        Api.Response limited = responses.stream().filter(r -> r.status() == 429).findFirst()
                .orElseThrow(() -> new AssertionError("no 429 in " + statuses));
        assertEquals("The API rate limit has been exceeded. Try again later.", limited.body().path("message").asText());
        long accepted = statuses.stream().filter(s -> s == 200).count();
        assertEquals(accepted, sim.inboxSize(JIRO), "a limited request delivers nothing");
        assertEquals(10 - accepted, sim.stats().of(Endpoint.MULTICAST).rateLimited());
    }

    @Test
    void repeatedAcceptedRetryKeyGets409AndIsNotDeliveredTwice() {
        String key = UUID.randomUUID().toString();
        String body = Api.multicastBody(List.of(JIRO), Api.text("お知らせ"));

        var first = api.post(MULTICAST, body, key);
        var second = api.post(MULTICAST, body, key);

        assertEquals(200, first.status());
        assertEquals(409, second.status());
        assertEquals("The retry key is already accepted", second.body().path("message").asText());
        assertEquals(first.header("x-line-request-id"), second.header("x-line-accepted-request-id"));
        assertEquals(1, sim.inboxSize(JIRO));
        assertEquals(key, sim.inbox(JIRO).get(0).retryKey());
        assertEquals(1, sim.recipientsOf(UUID.fromString(key)));
        assertEquals(1, sim.stats().of(Endpoint.MULTICAST).conflicts());
    }

    @Test
    void pushRetryConflictRepeatsTheSentMessagesOfTheAcceptedRequest() {
        String key = UUID.randomUUID().toString();
        var first = api.post(PUSH, Api.pushBody(JIRO, Api.text("a")), key);
        var second = api.post(PUSH, Api.pushBody(JIRO, Api.text("a")), key);
        assertEquals(200, first.status());
        assertEquals(409, second.status());
        assertEquals(first.body().path("sentMessages"), second.body().path("sentMessages"));
        assertEquals(1, sim.inboxSize(JIRO));
    }

    @Test
    void retryKeyOfARequestThatGot429IsAcceptedOnRetry() {
        String key = UUID.randomUUID().toString();
        String body = Api.multicastBody(List.of(JIRO), Api.text("お知らせ"));
        sim.faults().failNext(Endpoint.MULTICAST, 429, 1);

        var limited = api.post(MULTICAST, body, key);
        var retried = api.post(MULTICAST, body, key);

        assertEquals(429, limited.status());
        assertEquals(200, retried.status());
        assertEquals(1, sim.inboxSize(JIRO));
    }

    @Test
    void retryKeyMustBeAUuid() {
        var response = api.post(MULTICAST, Api.multicastBody(List.of(JIRO), Api.text("x")), "batch-1");
        assertEquals(400, response.status());
        assertEquals(0, sim.inboxSize(JIRO));
    }

    @Test
    void concurrentRequestsWithOneRetryKeyDeliverOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = Api.multicastBody(Api.users("c-", 500), Api.text("x"));
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> statuses.add(api.post(MULTICAST, body, key).status()));
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(500, sim.stats().messagesDelivered());
    }

    @Test
    void replyTokenWorksOnceForTheUserOfItsEvent() throws Exception {
        String token = replyTokenFromAMessageEvent();

        var first = api.post(REPLY, Api.replyBody(token, Api.text("記録しました")));
        var second = api.post(REPLY, Api.replyBody(token, Api.text("記録しました")));

        assertEquals(200, first.status());
        JsonNode sent = first.body().path("sentMessages").get(0);
        assertFalse(sent.path("id").asText().isEmpty());
        assertFalse(sent.path("quoteToken").asText().isEmpty());
        assertEquals(400, second.status());
        assertEquals("Invalid reply token", second.body().path("message").asText());
        assertEquals(1, sim.inboxSize(JIRO));
        assertEquals("reply", sim.inbox(JIRO).get(0).via());
    }

    @Test
    void replyTokenExpiresAfterItsTimeToLive() throws Exception {
        Duration ttl = Duration.ofMillis(300);
        sim.reconfigure(c -> c.withReplyTokenTtl(ttl));
        long issuedAt = System.nanoTime();
        String token = replyTokenFromAMessageEvent();

        // Waiting out the TTL is the behaviour under test, not a synchronisation.
        long left = ttl.toNanos() - (System.nanoTime() - issuedAt);
        Thread.sleep(Math.max(0, left / 1_000_000) + 50);

        var response = api.post(REPLY, Api.replyBody(token, Api.text("遅すぎ")));
        assertEquals(400, response.status());
        assertEquals("Invalid reply token", response.body().path("message").asText());
        assertEquals(0, sim.inboxSize(JIRO));
    }

    @Test
    void rejectedReplyDoesNotUseUpTheToken() throws Exception {
        String token = replyTokenFromAMessageEvent();
        assertEquals(400, api.post(REPLY, Api.replyBody(token, "{\"type\":\"text\"}")).status());
        assertEquals(200, api.post(REPLY, Api.replyBody(token, Api.text("ok"))).status());
    }

    @Test
    void userWhoBlockedTheAccountReceivesNothingWhileUnknownUsersDo() {
        sim.follow(JIRO);
        sim.unfollow(JIRO);
        String stranger = LineSimulator.userIdFor("never-followed");

        var push = api.post(PUSH, Api.pushBody(JIRO, Api.text("x")));
        var multicast = api.post(MULTICAST, Api.multicastBody(List.of(JIRO, stranger), Api.text("y")));

        assertEquals(200, push.status(), "LINE answers 200 and silently drops the message");
        assertEquals(200, multicast.status());
        assertEquals(0, sim.inboxSize(JIRO));
        assertEquals(1, sim.inboxSize(stranger));
        assertEquals(2, sim.stats().blockedSkipped());
    }

    @Test
    void profileIsServedForFriendsOnly() {
        sim.follow(JIRO, "じろう");
        var friend = api.get("/v2/bot/profile/" + JIRO);
        assertEquals(200, friend.status());
        assertEquals("じろう", friend.body().path("displayName").asText());
        assertEquals(JIRO, friend.body().path("userId").asText());

        assertEquals(404, api.get("/v2/bot/profile/" + LineSimulator.userIdFor("stranger")).status());
        assertEquals(400, api.get("/v2/bot/profile/jiro").status());
    }

    @Test
    void injectedFaultsAnswerTheConfiguredStatusForTheConfiguredRequests() {
        String body = Api.multicastBody(List.of(JIRO), Api.text("x"));
        sim.faults().failNext(Endpoint.MULTICAST, 503, 2);

        assertEquals(503, api.post(MULTICAST, body).status());
        assertEquals(503, api.post(MULTICAST, body).status());
        assertEquals(200, api.post(MULTICAST, body).status());
        assertEquals(1, sim.inboxSize(JIRO));
        assertEquals(2, sim.stats().of(Endpoint.MULTICAST).serverErrors());

        sim.faults().failFor(Endpoint.PUSH, 500, Duration.ofMinutes(1));
        assertEquals(500, api.post(PUSH, Api.pushBody(JIRO, Api.text("x"))).status());
        assertEquals(500, api.post(PUSH, Api.pushBody(JIRO, Api.text("x"))).status());
        sim.faults().clear();
        assertEquals(200, api.post(PUSH, Api.pushBody(JIRO, Api.text("x"))).status());
    }

    @Test
    void delayFaultDeliversFirstAndAnswersLate() {
        sim.faults().set(Endpoint.PUSH, new FaultRule(0, 1, null, Duration.ofMillis(400)));
        long start = System.nanoTime();

        var response = api.post(PUSH, Api.pushBody(JIRO, Api.text("x")));

        assertEquals(200, response.status());
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(400).toNanos());
        assertEquals(1, sim.inboxSize(JIRO));
    }

    @Test
    void malformedOversizedAndMisroutedRequestsGetLineStyleErrors() {
        var badJson = api.post(PUSH, "{not json");
        assertEquals(400, badJson.status());
        assertFalse(badJson.body().path("message").asText().isEmpty());

        String huge = Api.pushBody(JIRO, Api.text("x".repeat(2 * 1024 * 1024)));
        assertEquals(413, api.post(PUSH, huge).status());
        assertEquals(401, api.withToken(null).post(PUSH, huge).status(), "answered, not a reset connection");

        assertEquals(404, api.post("/v2/bot/message/broadcast", "{}").status());
        assertEquals(405, api.get(PUSH).status());
        assertEquals(0, sim.inboxSize(JIRO));
    }

    /** Lets jiro send a message and returns the reply token of the event the webhook received. */
    private String replyTokenFromAMessageEvent() throws Exception {
        sim.sendText(JIRO, "こんにちは");
        WebhookReceiver.Received received = webhook.next();
        WebhookParser parser = new WebhookParser(new LineSignatureValidator(
                sim.config().channelSecret().getBytes(StandardCharsets.UTF_8)));
        return ((ReplyEvent) parser.handle(received.signature(), received.body()).events().get(0)).replyToken();
    }
}
