package jp.moshisapo.linesim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.util.Collections;
import javax.imageio.ImageIO;
import jp.moshisapo.linesim.webhook.WebhookSigner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rich menus as LINE keeps them: created, given their image once, set as default, and tapped by residents. */
class RichMenuIT {

    private static final String HANAKO = LineSimulator.userIdFor("hanako");

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
    void aMenuWithItsImageSetAsDefaultSendsItsAreasActionsAsSignedWebhooks() throws Exception {
        String id = api.post("/v2/bot/richmenu", menu(2500, 843, area(0, "履歴"), postbackArea(1250, "help")))
                .body().path("richMenuId").asText();
        assertEquals(400, api.post("/v2/bot/user/all/richmenu/" + id, "").status(), "no image yet");
        assertEquals(200, upload(id, png(2500, 843), "image/png").status());
        assertEquals(400, upload(id, png(2500, 843), "image/png").status(), "an image is uploaded once");
        assertEquals(200, api.post("/v2/bot/user/all/richmenu/" + id, "").status());
        assertEquals(id, api.get("/v2/bot/user/all/richmenu").body().path("richMenuId").asText());
        assertEquals(1, api.get("/v2/bot/richmenu/list").body().path("richmenus").size());

        assertEquals(200, sim.tapRichMenu(HANAKO, 0).status());
        WebhookReceiver.Received message = webhook.next();
        JsonNode event = Api.JSON.readTree(message.body()).path("events").get(0);
        assertEquals("履歴", event.path("message").path("text").asText());
        assertEquals(WebhookSigner.sign(sim.config().channelSecret(), message.body()), message.signature());
        sim.tapRichMenu(HANAKO, 1);
        assertEquals("help", Api.JSON.readTree(webhook.next().body()).at("/events/0/postback/data").asText());

        String page = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(sim.baseUrl()
                .resolve("/sim/?user=" + HANAKO)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(page.contains("data-act=\"richmenu\" data-area=\"1\""), "the chat page shows the menu's areas");
        assertTrue(page.contains("/sim/richmenu/image"));
        assertEquals(200, api.post("/sim/users/" + HANAKO + "/richmenu", "{\"area\":0}").status());
        assertEquals("履歴", Api.JSON.readTree(webhook.next().body()).at("/events/0/message/text").asText());

        assertEquals(200, api.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/v2/bot/richmenu/" + id))
                .DELETE(), null).status());
        assertEquals(404, api.get("/v2/bot/user/all/richmenu").status(), "deleting the default unsets it");
    }

    @Test
    void linesRulesOnSizeAreasActionsAndImagesAreEnforced() {
        assertProperty(menu(2500, 1800, area(0, "x")), "size");
        assertProperty(menu(2600, 843, area(0, "x")), "size.width");
        assertProperty(menu(2500, 843, "{\"bounds\":{\"x\":2000,\"y\":0,\"width\":1000,\"height\":843},"
                + "\"action\":{\"type\":\"message\",\"text\":\"x\"}}"), "areas[0].bounds");
        assertProperty(menu(2500, 843, "{\"bounds\":{\"x\":0,\"y\":0,\"width\":10,\"height\":10},"
                + "\"action\":{\"type\":\"teleport\"}}"), "areas[0].action.type");
        assertProperty(menu(2500, 843, String.join(",", Collections.nCopies(21, area(0, "x")))), "areas");
        assertProperty(menu(2500, 843, "{\"bounds\":{\"x\":0,\"y\":0,\"width\":10,\"height\":10},"
                + "\"action\":{\"type\":\"uri\",\"uri\":\"javascript:alert(1)\"}}"), "areas[0].action.uri");

        String id = api.post("/v2/bot/richmenu", menu(2500, 1686, area(0, "x"))).body().path("richMenuId").asText();
        assertEquals(400, upload(id, png(2500, 843), "image/png").status(), "the image must be the menu's size");
        assertEquals(415, upload(id, png(2500, 1686), "image/gif").status());
        byte[] huge = new byte[1024 * 1024 + 1];
        assertEquals(413, upload(id, huge, "image/png").status());
        assertTrue(sim.richMenus().all().get(0).image() == null, "nothing was stored");
        assertEquals(401, api.withToken("wrong").get("/v2/bot/richmenu/list").status());
    }

    private void assertProperty(String menu, String property) {
        Api.Response response = api.post("/v2/bot/richmenu", menu);
        assertEquals(400, response.status(), property);
        assertEquals(property, response.body().path("details").get(0).path("property").asText(), response.body()
                .toString());
        assertEquals(0, sim.richMenus().all().size());
    }

    private Api.Response upload(String id, byte[] image, String contentType) {
        return api.send(HttpRequest.newBuilder(sim.baseUrl().resolve("/v2/bot/richmenu/" + id + "/content"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(image)), null);
    }

    private static String menu(int width, int height, String... areas) {
        return "{\"size\":{\"width\":" + width + ",\"height\":" + height + "},\"selected\":true,\"name\":\"menu\","
                + "\"chatBarText\":\"メニュー\",\"areas\":[" + String.join(",", areas) + "]}";
    }

    private static String area(int x, String text) {
        return "{\"bounds\":{\"x\":" + x + ",\"y\":0,\"width\":1250,\"height\":843},"
                + "\"action\":{\"type\":\"message\",\"label\":\"" + text + "\",\"text\":\"" + text + "\"}}";
    }

    private static String postbackArea(int x, String data) {
        return "{\"bounds\":{\"x\":" + x + ",\"y\":0,\"width\":1250,\"height\":843},"
                + "\"action\":{\"type\":\"postback\",\"data\":\"" + data + "\"}}";
    }

    private static byte[] png(int width, int height) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
