package jp.moshisapo.linesim.inbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Finds the actions a resident can tap, wherever LINE draws them: templates, carousels, flex, quick replies. */
final class Actions {

    private Actions() {
    }

    /** Visits every object with type "postback" or "message" and a label, depth first in document order. */
    static void forEach(JsonNode node, Consumer<JsonNode> visitor) {
        forEachOfType(node, Set.of("postback", "message"), visitor);
    }

    /** Visits every "uri" action with a label: links the resident's phone opens (https, tel:), not webhooks. */
    static void forEachLink(JsonNode node, Consumer<JsonNode> visitor) {
        forEachOfType(node, Set.of("uri"), visitor);
    }

    /** Visits every Flex text component, in document order: what a Flex bubble shows. */
    static void forEachFlexText(JsonNode node, Consumer<String> visitor) {
        if (node.isObject()) {
            if ("text".equals(node.path("type").asText()) && node.path("text").isTextual()) {
                visitor.accept(node.get("text").asText());
            }
            node.elements().forEachRemaining(child -> forEachFlexText(child, visitor));
        } else if (node.isArray()) {
            node.forEach(child -> forEachFlexText(child, visitor));
        }
    }

    private static void forEachOfType(JsonNode node, Set<String> types, Consumer<JsonNode> visitor) {
        if (node.isObject()) {
            if (types.contains(node.path("type").asText()) && node.hasNonNull("label")) {
                visitor.accept(node);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                forEachOfType(it.next().getValue(), types, visitor);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                forEachOfType(child, types, visitor);
            }
        }
    }
}
