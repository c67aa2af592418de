package jp.moshisapo.checkin.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import jp.moshisapo.checkin.dialogue.Understood;

/**
 * Drops at ingress what processing does not need from a message event, before it is written to Kafka: a text
 * becomes the shortest text the dialogue understands the same way ({@link Understood#minimalText()}: the code, the
 * command, or nothing, which still gets the help text), and any other message (sticker, photo, location…) keeps
 * only its type and id. The resident's own words, a location's address or a file's details never reach the topic.
 * Other events (follow, unfollow, postback: our own button data) carry no free text and pass unchanged.
 */
final class EventMinimiser {

    private final ObjectMapper json;

    EventMinimiser(ObjectMapper json) {
        this.json = json;
    }

    /** The event to write: the same bytes unless it is a message event. */
    byte[] minimise(String type, byte[] event) {
        if (!"message".equals(type)) {
            return event;
        }
        try {
            JsonNode tree = json.readTree(event);
            if (!(tree instanceof ObjectNode root) || !(root.get("message") instanceof ObjectNode message)) {
                return event; // processing ignores a message event without a message object
            }
            ObjectNode kept = json.createObjectNode();
            copy(message, kept, "id");
            copy(message, kept, "type");
            if ("text".equals(message.path("type").asText()) && message.get("text") != null) {
                kept.put("text", Understood.of(message.path("text").asText()).minimalText());
            }
            root.set("message", kept);
            return json.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // WebhookBody has checked the event is well-formed JSON
        }
    }

    private static void copy(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value != null) {
            to.set(field, value);
        }
    }
}
