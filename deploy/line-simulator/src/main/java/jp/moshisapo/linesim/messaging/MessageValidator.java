package jp.moshisapo.linesim.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * LINE's checks on message objects, for the message kinds this system sends (text, template, Flex, quick reply);
 * other kinds only need a known type. The limits are LINE's published ones, so a message the simulator accepts
 * is one LINE accepts too.
 */
final class MessageValidator {

    private static final Set<String> MESSAGE_TYPES = Set.of(
            "text", "textV2", "sticker", "image", "video", "audio", "location", "imagemap", "template", "flex");
    private static final Set<String> TEMPLATE_TYPES = Set.of("buttons", "confirm", "carousel", "image_carousel");
    private static final int MAX_MESSAGES = 5;

    private final List<ApiError.Detail> errors;

    private MessageValidator(List<ApiError.Detail> errors) {
        this.errors = errors;
    }

    /** Adds one detail per broken rule of a rich menu area's action (label optional, 20 characters). */
    static void validateAction(JsonNode action, String path, List<ApiError.Detail> errors) {
        new MessageValidator(errors).action(action, path, false, 20);
    }

    /** Adds one detail per broken rule in {@code messages} to {@code errors}. */
    static void validate(JsonNode messages, List<ApiError.Detail> errors) {
        new MessageValidator(errors).messages(messages);
    }

    private void messages(JsonNode messages) {
        if (messages == null || messages.isNull() || messages.isMissingNode()) {
            error("May not be null", "messages");
            return;
        }
        if (!messages.isArray()) {
            error("Must be an array", "messages");
            return;
        }
        if (messages.size() < 1 || messages.size() > MAX_MESSAGES) {
            error("Size must be between 1 and " + MAX_MESSAGES, "messages");
            return;
        }
        for (int i = 0; i < messages.size(); i++) {
            message(messages.get(i), "messages[" + i + "]");
        }
    }

    private void message(JsonNode message, String path) {
        if (!message.isObject()) {
            error("Must be an object", path);
            return;
        }
        String type = message.path("type").asText("");
        if (!MESSAGE_TYPES.contains(type)) {
            error("must be one of the following values: " + MESSAGE_TYPES, path + ".type");
            return;
        }
        switch (type) {
            case "text", "textV2" -> requiredText(message, "text", 5000, path);
            case "template" -> template(message, path);
            case "flex" -> {
                requiredText(message, "altText", 400, path);
                new FlexValidator(this).container(message.path("contents"), path + ".contents");
            }
            default -> {
                // Media and sticker messages: the system does not send them; LINE's own checks apply there.
            }
        }
        if (message.has("quickReply")) {
            quickReply(message.get("quickReply"), path + ".quickReply");
        }
    }

    private void template(JsonNode message, String path) {
        requiredText(message, "altText", 400, path);
        JsonNode template = message.path("template");
        String at = path + ".template";
        if (!template.isObject()) {
            error("May not be null", at);
            return;
        }
        String type = template.path("type").asText("");
        if (!TEMPLATE_TYPES.contains(type)) {
            error("must be one of the following values: " + TEMPLATE_TYPES, at + ".type");
            return;
        }
        switch (type) {
            case "confirm" -> {
                requiredText(template, "text", 240, at);
                actions(template.path("actions"), 2, 2, at + ".actions");
            }
            case "buttons" -> {
                boolean compact = template.hasNonNull("title") || template.hasNonNull("thumbnailImageUrl");
                requiredText(template, "text", compact ? 60 : 160, at);
                optionalText(template, "title", 40, at);
                actions(template.path("actions"), 1, 4, at + ".actions");
            }
            default -> columns(template, at);
        }
    }

    private void columns(JsonNode template, String at) {
        JsonNode columns = template.path("columns");
        if (!columns.isArray() || columns.size() < 1 || columns.size() > 10) {
            error("Size must be between 1 and 10", at + ".columns");
            return;
        }
        for (int i = 0; i < columns.size(); i++) {
            JsonNode column = columns.get(i);
            String columnPath = at + ".columns[" + i + "]";
            if (column.has("actions")) {
                actions(column.get("actions"), 1, 3, columnPath + ".actions");
            } else {
                action(column.path("action"), columnPath + ".action", true);
            }
        }
    }

    private void actions(JsonNode actions, int min, int max, String path) {
        if (!actions.isArray() || actions.size() < min || actions.size() > max) {
            error("Size must be between " + min + " and " + max, path);
            return;
        }
        for (int i = 0; i < actions.size(); i++) {
            action(actions.get(i), path + "[" + i + "]", true);
        }
    }

    private void action(JsonNode action, String path, boolean labelRequired) {
        action(action, path, labelRequired, 20);
    }

    /** {@code maxLabel}: 20 characters in templates and quick replies, 40 on a Flex button. */
    void action(JsonNode action, String path, boolean labelRequired, int maxLabel) {
        if (!action.isObject()) {
            error("May not be null", path);
            return;
        }
        if (labelRequired) {
            requiredText(action, "label", maxLabel, path);
        } else {
            optionalText(action, "label", maxLabel, path);
        }
        switch (action.path("type").asText("")) {
            case "postback" -> {
                requiredText(action, "data", 300, path);
                optionalText(action, "displayText", 300, path);
                optionalText(action, "text", 300, path);
            }
            case "message" -> requiredText(action, "text", 300, path);
            case "uri" -> {
                requiredText(action, "uri", 1000, path);
                uriScheme(action.path("uri").asText(""), Set.of("http", "https", "line", "tel"), path + ".uri");
            }
            case "datetimepicker", "camera", "cameraRoll", "location", "richmenuswitch", "clipboard" -> {
                // Not used by the system; accepted as LINE would with valid fields.
            }
            default -> error("Invalid action type", path + ".type");
        }
    }

    private void quickReply(JsonNode quickReply, String path) {
        JsonNode items = quickReply.path("items");
        if (!items.isArray() || items.size() < 1 || items.size() > 13) {
            error("Size must be between 1 and 13", path + ".items");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemPath = path + ".items[" + i + "]";
            if (!"action".equals(item.path("type").asText())) {
                error("must be one of the following values: [action]", itemPath + ".type");
                continue;
            }
            String actionType = item.path("action").path("type").asText();
            // Camera, camera roll and location quick replies may omit the label; LINE then shows its own.
            boolean labelRequired = !Set.of("camera", "cameraRoll", "location").contains(actionType);
            action(item.path("action"), itemPath + ".action", labelRequired);
        }
    }

    /** LINE opens only these schemes; anything else (javascript:, file:, a bare path) is refused. */
    void uriScheme(String uri, Set<String> schemes, String path) {
        int colon = uri.indexOf(':');
        String scheme = colon > 0 ? uri.substring(0, colon).toLowerCase(java.util.Locale.ROOT) : "";
        if (!uri.isEmpty() && !schemes.contains(scheme)) {
            error("Invalid uri scheme, must be one of " + schemes, path);
        }
    }

    void requiredText(JsonNode node, String field, int maxLength, String path) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isTextual() || value.asText().isEmpty()) {
            error("May not be empty", path + "." + field);
        } else {
            checkLength(value.asText(), maxLength, path + "." + field);
        }
    }

    void optionalText(JsonNode node, String field, int maxLength, String path) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNull()) {
            if (!value.isTextual()) {
                error("Must be a string", path + "." + field);
            } else {
                checkLength(value.asText(), maxLength, path + "." + field);
            }
        }
    }

    private void checkLength(String text, int maxLength, String path) {
        if (text.codePointCount(0, text.length()) > maxLength) {
            error("Length must be between 0 and " + maxLength, path);
        }
    }

    void error(String message, String property) {
        errors.add(new ApiError.Detail(message, property));
    }
}
