package jp.moshisapo.linesim.inbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.function.Consumer;

/** Finds the actions a resident can tap, wherever LINE draws them: templates, carousels, flex, quick replies. */
final class Actions {

    private Actions() {
    }

    /** Visits every object with type "postback" or "message" and a label, depth first in document order. */
    static void forEach(JsonNode node, Consumer<JsonNode> visitor) {
        if (node.isObject()) {
            String type = node.path("type").asText();
            if (("postback".equals(type) || "message".equals(type)) && node.hasNonNull("label")) {
                visitor.accept(node);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                forEach(it.next().getValue(), visitor);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                forEach(child, visitor);
            }
        }
    }
}
