package jp.moshisapo.stack.richmenu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import jp.moshisapo.protocol.richmenu.MenuItem;

/**
 * Gives the official account its rich menu through the Messaging API, idempotently: when the account already has
 * this menu (same name, size and areas, its image uploaded) as default, nothing changes; otherwise the menu is
 * created, its image drawn and uploaded to the data endpoint, set as default, and every older menu of the same
 * name deleted, so the account ends with exactly one. Run by ./run-local at start; in production see
 * docs/operations.md ("Rich menu").
 */
public final class RichMenuSetup {

    /** How this project's menu is recognised among the account's menus. */
    public static final String NAME = "もしサポ メニュー";
    static final String CHAT_BAR_TEXT = "メニュー";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the run did. */
    public enum Result { KEPT, CREATED }

    private final URI api;
    private final URI data;
    private final String token;
    private final Path font;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /**
     * @param api  the Messaging API (https://api.line.me, or the simulator)
     * @param data LINE's data endpoint for the image (https://api-data.line.me; the simulator serves both)
     */
    public RichMenuSetup(URI api, URI data, String token, Path font) {
        this.api = withoutTrailingSlash(api);
        this.data = withoutTrailingSlash(data);
        this.token = token;
        this.font = font;
    }

    /**
     * From the environment: LINE_API_BASE_URL (default https://api.line.me), LINE_DATA_API_BASE_URL (default
     * https://api-data.line.me for LINE itself, else the API's own URL), LINE_CHANNEL_ACCESS_TOKEN (required),
     * RICH_MENU_FONT (default: the posters' IPAex Gothic in the checkout).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        Map<String, String> env = System.getenv();
        String token = env.get("LINE_CHANNEL_ACCESS_TOKEN");
        if (token == null || token.isBlank()) {
            System.err.println("LINE_CHANNEL_ACCESS_TOKEN is required (the channel's long-lived access token)");
            System.exit(2);
        }
        URI api = URI.create(env.getOrDefault("LINE_API_BASE_URL", "https://api.line.me"));
        Path root = Path.of(System.getProperty("moshisapo.root", "."));
        Path font = Path.of(env.getOrDefault("RICH_MENU_FONT", defaultFont(root).toString()));
        Result result = new RichMenuSetup(api, dataEndpoint(api, env.get("LINE_DATA_API_BASE_URL")), token, font).run();
        System.out.println("rich menu: " + result.name().toLowerCase());
    }

    /** LINE serves images from its own host; anything else (the simulator) serves both from one. */
    public static URI dataEndpoint(URI api, String given) {
        if (given != null && !given.isBlank()) {
            return URI.create(given);
        }
        return "api.line.me".equals(api.getHost()) ? URI.create("https://api-data.line.me") : api;
    }

    /** The font the posters use, where the checkout keeps it. */
    public static Path defaultFont(Path root) {
        return root.resolve("facility-service/src/main/resources/fonts/ipaexg.ttf");
    }

    public Result run() throws IOException, InterruptedException {
        ObjectNode wanted = definition();
        JsonNode menus = call("GET", api, "/v2/bot/richmenu/list", null, null).path("richmenus");
        String current = currentDefault();
        String kept = null;
        for (JsonNode menu : menus) {
            String id = menu.path("richMenuId").asText();
            if (NAME.equals(menu.path("name").asText()) && id.equals(current) && sameLayout(menu, wanted)
                    && hasImage(id)) {
                kept = id;
            }
        }
        String result = kept != null ? kept : create(wanted);
        for (JsonNode menu : menus) {
            String id = menu.path("richMenuId").asText();
            if (NAME.equals(menu.path("name").asText()) && !id.equals(result)) {
                call("DELETE", api, "/v2/bot/richmenu/" + id, null, null);
            }
        }
        return kept != null ? Result.KEPT : Result.CREATED;
    }

    /** Four equal columns, each sending its item's text as the resident's message. */
    static ObjectNode definition() {
        ObjectNode menu = JSON.createObjectNode();
        menu.putObject("size").put("width", RichMenuImage.WIDTH).put("height", RichMenuImage.HEIGHT);
        menu.put("selected", true).put("name", NAME).put("chatBarText", CHAT_BAR_TEXT);
        ArrayNode areas = menu.putArray("areas");
        MenuItem[] items = MenuItem.values();
        int column = RichMenuImage.WIDTH / items.length;
        for (int i = 0; i < items.length; i++) {
            ObjectNode area = areas.addObject();
            area.putObject("bounds").put("x", i * column).put("y", 0)
                    .put("width", i == items.length - 1 ? RichMenuImage.WIDTH - i * column : column)
                    .put("height", RichMenuImage.HEIGHT);
            area.putObject("action").put("type", "message").put("label", items[i].label())
                    .put("text", items[i].text());
        }
        return menu;
    }

    static List<String> labels() {
        return Arrays.stream(MenuItem.values()).map(MenuItem::label).toList();
    }

    private static boolean sameLayout(JsonNode existing, ObjectNode wanted) {
        return existing.path("size").equals(wanted.path("size")) && existing.path("areas").equals(wanted.path("areas"))
                && existing.path("chatBarText").equals(wanted.path("chatBarText"));
    }

    private String create(ObjectNode wanted) throws IOException, InterruptedException {
        String id = call("POST", api, "/v2/bot/richmenu", "application/json", JSON.writeValueAsBytes(wanted))
                .path("richMenuId").asText();
        call("POST", data, "/v2/bot/richmenu/" + id + "/content", "image/png", RichMenuImage.draw(labels(), font));
        call("POST", api, "/v2/bot/user/all/richmenu/" + id, null, new byte[0]);
        return id;
    }

    private String currentDefault() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send("GET", api, "/v2/bot/user/all/richmenu", null, null);
        return response.statusCode() == 200 ? JSON.readTree(response.body()).path("richMenuId").asText() : null;
    }

    private boolean hasImage(String id) throws IOException, InterruptedException {
        return send("GET", data, "/v2/bot/richmenu/" + id + "/content", null, null).statusCode() == 200;
    }

    private JsonNode call(String method, URI base, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpResponse<byte[]> response = send(method, base, path, contentType, body);
        if (response.statusCode() != 200) {
            // LINE's error body names the rule that was broken; it carries no secret
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
        }
        return response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
    }

    private HttpResponse<byte[]> send(String method, URI base, String path, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static URI withoutTrailingSlash(URI uri) {
        return URI.create(uri.toString().replaceAll("/+$", ""));
    }
}
