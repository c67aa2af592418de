package jp.moshisapo.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A service's Deployment in a rendered overlay with its container's environment resolved: literal values,
 * ConfigMap entries (envFrom and configMapKeyRef) by value, Secret references as {@code secret:<name>/<key>}.
 */
public record Workload(String service, JsonNode deployment, JsonNode container, Map<String, String> env) {

    public static final String SECRET_PREFIX = "secret:";

    public static Workload of(Rendered rendered, String service) {
        JsonNode deployment = rendered.get("Deployment", service);
        return of(rendered, service, deployment, deployment.at("/spec/template/spec/containers/0"));
    }

    /** The Deployment's initContainer {@code name} (e.g. the migrations), if it has one. */
    public static Optional<Workload> init(Rendered rendered, String service, String name) {
        JsonNode deployment = rendered.get("Deployment", service);
        for (JsonNode container : deployment.at("/spec/template/spec/initContainers")) {
            if (container.path("name").asText().equals(name)) {
                return Optional.of(of(rendered, service, deployment, container));
            }
        }
        return Optional.empty();
    }

    private static Workload of(Rendered rendered, String service, JsonNode deployment, JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            String configMap = source.at("/configMapRef/name").asText();
            rendered.get("ConfigMap", configMap).path("data").fields()
                    .forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.get("name").asText();
            if (variable.has("value")) {
                env.put(name, variable.get("value").asText());
            } else if (variable.at("/valueFrom/secretKeyRef").isObject()) {
                JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                env.put(name, SECRET_PREFIX + ref.get("name").asText() + "/" + ref.get("key").asText());
            } else if (variable.at("/valueFrom/configMapKeyRef").isObject()) {
                JsonNode ref = variable.at("/valueFrom/configMapKeyRef");
                env.put(name, rendered.get("ConfigMap", ref.get("name").asText()).path("data")
                        .path(ref.get("key").asText()).asText());
            }
        }
        return new Workload(service, deployment, container, env);
    }

    public Map<String, String> podLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        deployment.at("/spec/template/metadata/labels").fields()
                .forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    /** The number of a named container port. */
    public Optional<Integer> port(String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return Optional.of(port.get("containerPort").asInt());
            }
        }
        return Optional.empty();
    }

    /** The Secret name of a variable set from a Secret. */
    public Optional<String> secretOf(String variable) {
        String value = env.get(variable);
        if (value == null || !value.startsWith(SECRET_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(value.substring(SECRET_PREFIX.length(), value.indexOf('/')));
    }

    @Override
    public String toString() {
        return service;
    }
}
