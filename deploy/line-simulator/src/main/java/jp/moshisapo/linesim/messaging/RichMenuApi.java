package jp.moshisapo.linesim.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.imageio.ImageIO;
import jp.moshisapo.linesim.LineIds;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.linesim.http.BodyTooLargeException;
import jp.moshisapo.linesim.http.HttpIo;

/**
 * The rich menu endpoints with LINE's rules: definitions under /v2/bot/richmenu, the image on the data endpoint
 * (api-data.line.me at LINE; this same server here) and the default menu under /v2/bot/user/all/richmenu.
 * A menu is 800 to 2,500 px wide, at least 250 px high and at least 1.45 times as wide as high, with up to 20
 * tappable areas inside it; its image is one JPEG or PNG of exactly that size, at most 1 MB, uploaded once.
 */
final class RichMenuApi implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(RichMenuApi.class.getName());
    static final String MENU = "/v2/bot/richmenu";
    static final String DEFAULT = "/v2/bot/user/all/richmenu";
    static final int MAX_AREAS = 20;
    static final int MAX_IMAGE_BYTES = 1024 * 1024;
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg");

    private final Supplier<LineSimulatorConfig> config;
    private final RichMenus menus;
    private final ChannelToken token;

    RichMenuApi(Supplier<LineSimulatorConfig> config, RichMenus menus, ChannelToken token) {
        this.config = config;
        this.menus = menus;
        this.token = token;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath().replaceAll("/+$", "");
        String method = exchange.getRequestMethod();
        try {
            MessagingApi.authenticate(exchange, config.get().channelAccessToken(), token);
            if (method.equals("GET") && path.startsWith(MENU + "/") && path.endsWith("/content")) {
                RichMenus.RichMenu menu = menus.find(path.substring(MENU.length() + 1, path.length() - 8));
                if (menu.image() == null) {
                    throw ApiError.of(404, "Not found");
                }
                HttpIo.send(exchange, 200, menu.contentType(), menu.image(), Map.of());
                return;
            }
            send(exchange, 200, route(exchange, method, path));
        } catch (ApiError e) {
            send(exchange, e.status, e.body);
        } catch (BodyTooLargeException e) {
            send(exchange, 413, HttpIo.MAPPER.createObjectNode().put("message", "Request Entity Too Large"));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Rich menu request failed", e);
            send(exchange, 500, HttpIo.MAPPER.createObjectNode().put("message", "Internal server error"));
        }
    }

    private JsonNode route(HttpExchange exchange, String method, String path) throws IOException {
        ObjectNode empty = HttpIo.MAPPER.createObjectNode();
        if (path.equals(DEFAULT)) {
            return switch (method) {
                case "GET" -> empty.put("richMenuId", menus.defaultMenu()
                        .orElseThrow(() -> ApiError.of(404, "no default richmenu")).id());
                case "DELETE" -> {
                    menus.clearDefault();
                    yield empty;
                }
                default -> throw ApiError.of(405, "Method not allowed");
            };
        }
        if (path.startsWith(DEFAULT + "/")) {
            requireMethod(method, "POST");
            menus.setDefault(path.substring(DEFAULT.length() + 1));
            return empty;
        }
        if (path.equals(MENU) || path.equals(MENU + "/validate")) {
            requireMethod(method, "POST");
            ObjectNode definition = readDefinition(exchange);
            return path.equals(MENU) ? empty.put("richMenuId", menus.create(definition)) : empty;
        }
        if (path.equals(MENU + "/list")) {
            requireMethod(method, "GET");
            ObjectNode list = HttpIo.MAPPER.createObjectNode();
            ArrayNode all = list.putArray("richmenus");
            menus.all().forEach(menu -> all.add(menu.definition()));
            return list;
        }
        String rest = path.startsWith(MENU + "/") ? path.substring(MENU.length() + 1) : "";
        if (rest.endsWith("/content")) {
            requireMethod(method, "POST");
            upload(exchange, rest.substring(0, rest.length() - "/content".length()));
            return empty;
        }
        if (!rest.isEmpty() && !rest.contains("/")) {
            return switch (method) {
                case "GET" -> menus.find(rest).definition();
                case "DELETE" -> {
                    menus.delete(rest);
                    yield empty;
                }
                default -> throw ApiError.of(405, "Method not allowed");
            };
        }
        throw ApiError.of(404, "Not found");
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw ApiError.of(405, "Method not allowed");
        }
    }

    private static ObjectNode readDefinition(HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = HttpIo.MAPPER.readTree(HttpIo.readBody(exchange));
        } catch (IOException e) {
            body = null;
        }
        if (body == null || !body.isObject()) {
            throw ApiError.of(400, "The request body has syntax errors");
        }
        List<ApiError.Detail> errors = new ArrayList<>();
        validate(body, errors);
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        return (ObjectNode) body;
    }

    static void validate(JsonNode menu, List<ApiError.Detail> errors) {
        JsonNode size = menu.path("size");
        int width = size.path("width").asInt(-1);
        int height = size.path("height").asInt(-1);
        if (!size.path("width").isInt() || width < 800 || width > 2500) {
            errors.add(new ApiError.Detail("must be between 800 and 2500", "size.width"));
        }
        if (!size.path("height").isInt() || height < 250) {
            errors.add(new ApiError.Detail("must be greater than or equal to 250", "size.height"));
        } else if (width > 0 && (double) width / height < 1.45) {
            errors.add(new ApiError.Detail("aspect ratio (width / height) must be 1.45 or more", "size"));
        }
        if (!menu.path("selected").isBoolean()) {
            errors.add(new ApiError.Detail("May not be null", "selected"));
        }
        text(menu, "name", 300, errors);
        text(menu, "chatBarText", 14, errors);
        JsonNode areas = menu.path("areas");
        if (!areas.isArray()) {
            errors.add(new ApiError.Detail("May not be null", "areas"));
            return;
        }
        if (areas.size() > MAX_AREAS) {
            errors.add(new ApiError.Detail("Size must be between 0 and " + MAX_AREAS, "areas"));
            return;
        }
        for (int i = 0; i < areas.size(); i++) {
            String at = "areas[" + i + "]";
            JsonNode bounds = areas.get(i).path("bounds");
            int x = bounds.path("x").asInt(-1);
            int y = bounds.path("y").asInt(-1);
            int w = bounds.path("width").asInt(-1);
            int h = bounds.path("height").asInt(-1);
            if (x < 0 || y < 0 || w <= 0 || h <= 0 || x + w > width || y + h > height) {
                errors.add(new ApiError.Detail("must be within the rich menu's size", at + ".bounds"));
            }
            JsonNode action = areas.get(i).path("action");
            if (!action.isObject()) {
                errors.add(new ApiError.Detail("May not be null", at + ".action"));
            } else {
                MessageValidator.validateAction(action, at + ".action", errors);
            }
        }
    }

    private static void text(JsonNode node, String field, int max, List<ApiError.Detail> errors) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isEmpty()) {
            errors.add(new ApiError.Detail("May not be empty", field));
        } else if (value.asText().codePointCount(0, value.asText().length()) > max) {
            errors.add(new ApiError.Detail("Length must be between 0 and " + max, field));
        }
    }

    private void upload(HttpExchange exchange, String id) throws IOException {
        RichMenus.RichMenu menu = menus.find(id);
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).split(";")[0].trim();
        if (!IMAGE_TYPES.contains(type)) {
            throw ApiError.of(415, "Unsupported Media Type: the image must be image/jpeg or image/png");
        }
        byte[] image = HttpIo.readBody(exchange);
        if (image.length > MAX_IMAGE_BYTES) {
            throw ApiError.of(413, "Request Entity Too Large: a rich menu image is at most 1 MB");
        }
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(image));
        if (decoded == null) {
            throw ApiError.of(400, "The image is not a readable JPEG or PNG");
        }
        if (decoded.getWidth() != menu.width() || decoded.getHeight() != menu.height()) {
            throw ApiError.of(400, "The image is " + decoded.getWidth() + "x" + decoded.getHeight()
                    + "; it must be the rich menu's size, " + menu.width() + "x" + menu.height());
        }
        menus.upload(id, image, type);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        HttpIo.send(exchange, status, HttpIo.JSON, HttpIo.toJson(body),
                Map.of("x-line-request-id", LineIds.requestId()));
    }
}
