package jp.moshisapo.linesim;

import com.fasterxml.jackson.databind.JsonNode;
import jp.moshisapo.linesim.messaging.Endpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The /sim/ control API that the CLI, the local stack and tests in other JVMs use. */
class ControlApiIT {

    private static final String YUKI = LineSimulator.userIdFor("yuki");

    private final WebhookReceiver webhook = new WebhookReceiver();
    private LineSimulator sim;
    private Api control;
    private Api messaging;

    @BeforeEach
    void start() {
        sim = LineSimulator.start(LineSimulatorConfig.defaults().withWebhookUrl(webhook.url()));
        control = new Api(sim.baseUrl(), null);
        messaging = new Api(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
        webhook.close();
    }

    @Test
    void residentActionsPostWebhookEventsAndAnswerTheWebhookResult() {
        var followed = control.post("/sim/users/" + YUKI + "/follow", "{\"displayName\":\"ゆき\"}");
        var texted = control.post("/sim/users/" + YUKI + "/text", "{\"text\":\"こんにちは\"}");
        var postback = control.post("/sim/users/" + YUKI + "/postback", "{\"data\":\"consent=yes\"}");

        for (var result : List.of(followed, texted, postback)) {
            assertEquals(200, result.status());
            assertEquals(200, result.body().path("status").asInt());
            assertEquals(26, result.body().path("webhookEventId").asText().length());
            assertEquals(1, result.body().path("attempts").asInt());
        }
        assertTrue(new String(webhook.next().body(), StandardCharsets.UTF_8).contains("\"follow\""));
        assertTrue(new String(webhook.next().body(), StandardCharsets.UTF_8).contains("こんにちは"));
        assertTrue(new String(webhook.next().body(), StandardCharsets.UTF_8).contains("consent=yes"));
    }

    @Test
    void inboxCountsStatsAndClearingAreReadable() {
        messaging.post("/v2/bot/message/push", Api.pushBody(YUKI, Api.text("一つ目"), Api.text("二つ目")));

        JsonNode inbox = control.get("/sim/users/" + YUKI + "/inbox").body();
        assertEquals(2, inbox.size());
        assertEquals("一つ目", inbox.get(0).path("text").asText());
        assertEquals("push", inbox.get(0).path("via").asText());
        assertEquals("text", inbox.get(0).path("message").path("type").asText());
        assertEquals(2, control.get("/sim/inbox").body().path(YUKI).asInt());
        JsonNode stats = control.get("/sim/stats").body();
        assertEquals(1, stats.path("endpoints").path("PUSH").path("accepted").asInt());
        assertEquals(2, stats.path("messagesDelivered").asInt());

        assertEquals(204, control.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/sim/inbox")).DELETE(), null)
                .status());
        assertEquals(0, control.get("/sim/users/" + YUKI + "/inbox").body().size());
    }

    @Test
    void theMonthlyLimitAndARevokedTokenAreSetOverHttp() {
        JsonNode set = control.put("/sim/channel", "{\"monthlyLimit\":1,\"accessTokenRevoked\":true}").body();
        assertEquals(1, set.path("monthlyLimit").asLong());
        assertTrue(set.path("accessTokenRevoked").asBoolean());
        assertEquals(401, messaging.post("/v2/bot/message/push", Api.pushBody(YUKI, Api.text("x"))).status());

        control.put("/sim/channel", "{\"accessTokenRevoked\":false}");
        assertEquals(200, messaging.post("/v2/bot/message/push", Api.pushBody(YUKI, Api.text("x"))).status());
        assertEquals(429, messaging.post("/v2/bot/message/push", Api.pushBody(YUKI, Api.text("y"))).status());
        assertEquals(1, control.get("/sim/channel").body().path("totalUsage").asLong());
        assertEquals(400, control.put("/sim/channel", "{\"monthlyLimit\":-1}").status());
        assertEquals(400, control.put("/sim/channel", "{\"plan\":\"free\"}").status());

        control.put("/sim/channel", "{\"monthlyLimit\":null}");
        assertTrue(control.get("/sim/channel").body().path("monthlyLimit").isNull());
        assertEquals(200, messaging.post("/v2/bot/message/push", Api.pushBody(YUKI, Api.text("y"))).status());
    }

    @Test
    void faultsAndConfigCanBeChangedOverHttp() {
        var put = control.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/sim/faults/multicast"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"status\":429,\"count\":1}")), null);
        assertEquals(200, put.status());
        assertEquals(429, put.body().path("MULTICAST").path("status").asInt());
        String body = Api.multicastBody(List.of(YUKI), Api.text("x"));
        assertEquals(429, messaging.post("/v2/bot/message/multicast", body).status());
        assertEquals(200, messaging.post("/v2/bot/message/multicast", body).status());

        var config = control.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/sim/config"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"multicastPerSecond\":1,\"webhookRedeliveries\":3}")), null);
        assertEquals(200, config.status());
        assertEquals(1, sim.config().multicastPerSecond());
        assertEquals(3, sim.config().webhookRedeliveries());
        assertFalse(config.body().has("channelSecret"), "the secret is never shown");
        assertEquals(1, sim.stats().of(Endpoint.MULTICAST).rateLimited());
    }

    @Test
    void badInputGetsProblemJsonWithAHumanMessage() throws Exception {
        var badUser = control.post("/sim/users/yuki/text", "{\"text\":\"x\"}");
        assertEquals(400, badUser.status());
        assertEquals("application/problem+json", badUser.header("Content-Type"));
        assertTrue(badUser.body().path("detail").asText().contains("LINE user id"));

        var badJson = control.post("/sim/users/" + YUKI + "/text", "{oops");
        assertEquals(400, badJson.status());
        assertEquals(400, badJson.body().path("status").asInt());

        var missingField = control.post("/sim/users/" + YUKI + "/text", "{}");
        assertEquals(400, missingField.status());
        assertEquals("text", missingField.body().path("errors").get(0).path("field").asText());

        var noButton = control.post("/sim/users/" + YUKI + "/tap", "{\"label\":\"同意する\"}");
        assertEquals(422, noButton.status());

        var unknownSetting = control.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/sim/config"))
                .PUT(HttpRequest.BodyPublishers.ofString("{\"colour\":\"red\"}")), null);
        assertEquals(400, unknownSetting.status());

        assertEquals(404, control.get("/sim/nothing-here").status());
        assertEquals(404, control.get("/elsewhere").status());

        String huge = "{\"text\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertEquals(413, control.post("/sim/users/" + YUKI + "/text", huge).status());
    }

    @Test
    void chatPageShowsUsersAndTheirChatInJapanese() throws Exception {
        sim.follow(YUKI, "ゆき");
        messaging.post("/v2/bot/message/push", Api.pushBody(YUKI, "{\"type\":\"template\",\"altText\":\"同意のお願い\","
                + "\"template\":{\"type\":\"confirm\",\"text\":\"<b>記録</b>に同意しますか？\",\"actions\":["
                + "{\"type\":\"postback\",\"label\":\"同意する\",\"data\":\"y\"},"
                + "{\"type\":\"postback\",\"label\":\"同意しない\",\"data\":\"n\"}]}}"));

        HttpResponse<String> index = page(sim.baseUrl().resolve("/sim/"));
        HttpResponse<String> chat = page(sim.baseUrl().resolve("/sim/?user=" + YUKI));

        assertEquals(200, index.statusCode());
        assertEquals("text/html; charset=utf-8", index.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(index.body().contains("ゆき"));
        assertTrue(chat.body().contains("同意する"));
        assertTrue(chat.body().contains("&lt;b&gt;記録&lt;/b&gt;"), "message text is escaped");
        assertFalse(chat.body().contains("http://") && chat.body().contains("<link"), "no external resources");
        assertTrue(chat.headers().firstValue("Content-Security-Policy").orElseThrow().contains("default-src 'none'"));
    }

    private static HttpResponse<String> page(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
