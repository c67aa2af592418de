package jp.moshisapo.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The objects one overlay renders to, and who rendered them (kubectl or the in-test renderer). */
public record Rendered(String overlay, String renderer, List<JsonNode> objects) {

    public Stream<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind));
    }

    public Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).filter(o -> name(o).equals(name)).findFirst();
    }

    public JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }

    public List<JsonNode> deployments() {
        return ofKind("Deployment").toList();
    }

    public static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    public static String describe(JsonNode object) {
        return object.path("kind").asText() + " " + name(object);
    }

    @Override
    public String toString() {
        return overlay + " (" + renderer + ")";
    }
}
