package jp.moshisapo.linesim.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import jp.moshisapo.linesim.http.HttpIo;

/**
 * LINE's rules for a Flex message's contents (Messaging API reference, "Flex Message"): a bubble or a carousel of
 * at most 12 bubbles, blocks that are boxes, components of known types with their required fields, actions as
 * elsewhere (labels up to 40 characters on a button), images over https, and LINE's size limits on the JSON
 * (30 KB a bubble, 50 KB a carousel).
 */
final class FlexValidator {

    static final int MAX_BUBBLE_BYTES = 30 * 1024;
    static final int MAX_CAROUSEL_BYTES = 50 * 1024;
    static final int MAX_BUBBLES = 12;
    private static final Set<String> BUBBLE_SIZES = Set.of("nano", "micro", "deca", "hecto", "kilo", "mega", "giga");
    private static final Set<String> LAYOUTS = Set.of("horizontal", "vertical", "baseline");
    private static final Set<String> BOX_CHILDREN = Set.of("box", "button", "image", "video", "icon", "text",
            "separator", "filler");
    private static final Set<String> BASELINE_CHILDREN = Set.of("icon", "text", "filler");
    private static final Set<String> BUTTON_STYLES = Set.of("primary", "secondary", "link");
    private static final Set<String> BUTTON_HEIGHTS = Set.of("sm", "md");

    private final MessageValidator messages;

    FlexValidator(MessageValidator messages) {
        this.messages = messages;
    }

    void container(JsonNode contents, String path) {
        if (!contents.isObject()) {
            messages.error("May not be null", path);
            return;
        }
        switch (contents.path("type").asText("")) {
            case "bubble" -> {
                maxBytes(contents, MAX_BUBBLE_BYTES, path);
                bubble(contents, path);
            }
            case "carousel" -> carousel(contents, path);
            default -> messages.error("must be one of the following values: [bubble, carousel]", path + ".type");
        }
    }

    private void carousel(JsonNode carousel, String path) {
        maxBytes(carousel, MAX_CAROUSEL_BYTES, path);
        JsonNode bubbles = carousel.path("contents");
        if (!bubbles.isArray() || bubbles.size() < 1 || bubbles.size() > MAX_BUBBLES) {
            messages.error("Size must be between 1 and " + MAX_BUBBLES, path + ".contents");
            return;
        }
        for (int i = 0; i < bubbles.size(); i++) {
            String at = path + ".contents[" + i + "]";
            if (!"bubble".equals(bubbles.get(i).path("type").asText())) {
                messages.error("must be one of the following values: [bubble]", at + ".type");
            } else {
                bubble(bubbles.get(i), at);
            }
        }
    }

    private void bubble(JsonNode bubble, String path) {
        oneOf(bubble, "size", BUBBLE_SIZES, path);
        oneOf(bubble, "direction", Set.of("ltr", "rtl"), path);
        for (String block : new String[] {"header", "body", "footer"}) {
            if (bubble.has(block)) {
                box(bubble.get(block), path + "." + block);
            }
        }
        if (bubble.has("hero")) {
            JsonNode hero = bubble.get("hero");
            if (Set.of("box", "image", "video").contains(hero.path("type").asText())) {
                component(hero, path + ".hero");
            } else {
                messages.error("must be one of the following values: [box, image, video]", path + ".hero.type");
            }
        }
        if (bubble.has("action")) {
            messages.action(bubble.get("action"), path + ".action", false, 40);
        }
    }

    private void box(JsonNode box, String path) {
        if (!box.isObject() || !"box".equals(box.path("type").asText())) {
            messages.error("must be one of the following values: [box]", path + ".type");
            return;
        }
        String layout = box.path("layout").asText("");
        if (!LAYOUTS.contains(layout)) {
            messages.error("must be one of the following values: " + LAYOUTS, path + ".layout");
        }
        JsonNode children = box.path("contents");
        if (!children.isArray()) {
            messages.error("May not be null", path + ".contents");
            return;
        }
        Set<String> allowed = "baseline".equals(layout) ? BASELINE_CHILDREN : BOX_CHILDREN;
        for (int i = 0; i < children.size(); i++) {
            String at = path + ".contents[" + i + "]";
            String type = children.get(i).path("type").asText("");
            if (!allowed.contains(type)) {
                messages.error("must be one of the following values: " + allowed, at + ".type");
            } else {
                component(children.get(i), at);
            }
        }
        if (box.has("action")) {
            messages.action(box.get("action"), path + ".action", false, 40);
        }
    }

    private void component(JsonNode component, String path) {
        switch (component.path("type").asText()) {
            case "box" -> box(component, path);
            case "button" -> {
                oneOf(component, "style", BUTTON_STYLES, path);
                oneOf(component, "height", BUTTON_HEIGHTS, path);
                messages.action(component.path("action"), path + ".action", true, 40);
            }
            case "text" -> text(component, path);
            case "image", "icon" -> {
                messages.requiredText(component, "url", 2000, path);
                messages.uriScheme(component.path("url").asText(""), Set.of("https"), path + ".url");
            }
            case "video" -> {
                messages.requiredText(component, "url", 2000, path);
                messages.requiredText(component, "previewUrl", 2000, path);
            }
            default -> {
                // separator and filler carry nothing to check
            }
        }
        if (component.has("action") && !"button".equals(component.path("type").asText())
                && !"box".equals(component.path("type").asText())) {
            messages.action(component.get("action"), path + ".action", false, 40);
        }
    }

    private void text(JsonNode text, String path) {
        JsonNode spans = text.path("contents");
        if (spans.isArray() && !spans.isEmpty()) {
            for (int i = 0; i < spans.size(); i++) {
                String at = path + ".contents[" + i + "]";
                if (!"span".equals(spans.get(i).path("type").asText())) {
                    messages.error("must be one of the following values: [span]", at + ".type");
                } else {
                    messages.requiredText(spans.get(i), "text", Integer.MAX_VALUE, at);
                }
            }
        } else {
            messages.requiredText(text, "text", Integer.MAX_VALUE, path);
        }
        if (text.has("wrap") && !text.get("wrap").isBoolean()) {
            messages.error("Must be a boolean", path + ".wrap");
        }
        if (text.has("maxLines") && (!text.get("maxLines").canConvertToInt() || text.get("maxLines").asInt() < 0)) {
            messages.error("Must be a non-negative integer", path + ".maxLines");
        }
    }

    private void oneOf(JsonNode node, String field, Set<String> values, String path) {
        if (node.has(field) && !values.contains(node.get(field).asText())) {
            messages.error("must be one of the following values: " + values, path + "." + field);
        }
    }

    private void maxBytes(JsonNode node, int max, String path) {
        int size = HttpIo.toJson(node).length;
        if (size > max) {
            messages.error("The JSON of this container is " + size + " bytes; LINE allows " + max, path);
        }
    }
}
