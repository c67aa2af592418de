package jp.moshisapo.linesim.inbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One message as it arrived in a user's LINE chat.
 *
 * @param via        how it was sent: "reply", "push" or "multicast"
 * @param receivedAt when the simulator accepted the request
 * @param retryKey   the request's X-Line-Retry-Key, or null
 * @param message    the message object exactly as the service sent it (shared by all recipients: read only)
 */
public record InboxMessage(String via, Instant receivedAt, String retryKey, JsonNode message) {

    public static final String REPLY = "reply";
    public static final String PUSH = "push";
    public static final String MULTICAST = "multicast";

    /** The message type: text, template, flex, ... */
    public String type() {
        return message.path("type").asText();
    }

    /** What the resident reads: the text, or the alt text followed by the template's own text. */
    public String text() {
        if (message.hasNonNull("text")) {
            return message.get("text").asText();
        }
        List<String> parts = new ArrayList<>();
        addIfPresent(parts, message.path("altText"));
        addIfPresent(parts, message.path("template").path("title"));
        addIfPresent(parts, message.path("template").path("text"));
        return parts.isEmpty() ? "[" + type() + "]" : String.join("\n", parts);
    }

    /** What the chat shows: a Flex bubble's texts in order, otherwise {@link #text()}. */
    public String shownText() {
        if (!"flex".equals(type())) {
            return text();
        }
        List<String> texts = new ArrayList<>();
        Actions.forEachFlexText(message.path("contents"), texts::add);
        return texts.isEmpty() ? text() : String.join("\n", texts);
    }

    /** A button that opens a link on the phone (https, tel:): LINE sends no webhook for it. */
    public record Link(String label, String uri) {
    }

    /** Every uri action the message carries, in order (a Flex notice's call and page buttons). */
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        Actions.forEachLink(message, action -> links.add(new Link(action.path("label").asText(),
                action.path("uri").asText())));
        return links;
    }

    /** Labels of every tappable postback or message action the message carries (template or quick reply). */
    public List<String> actionLabels() {
        List<String> labels = new ArrayList<>();
        Actions.forEach(message, action -> labels.add(action.path("label").asText()));
        return labels;
    }

    /** The postback or message action with this label, if the message carries one. */
    public Optional<JsonNode> actionLabelled(String label) {
        JsonNode[] found = new JsonNode[1];
        Actions.forEach(message, action -> {
            if (found[0] == null && label.equals(action.path("label").asText())) {
                found[0] = action;
            }
        });
        return Optional.ofNullable(found[0]);
    }

    private static void addIfPresent(List<String> parts, JsonNode node) {
        if (node.isTextual() && !node.asText().isEmpty()) {
            parts.add(node.asText());
        }
    }
}
