package jp.moshisapo.k8s.strict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strict reading of built-in Kubernetes objects with the fabric8 model. fabric8 keeps what it does not know
 * (a misspelt field, a string where a number belongs) in "additionalProperties" instead of failing; this
 * class reports every such entry, and every difference between the input and the object written back.
 */
public final class BuiltInKinds {

    private static final KubernetesSerialization FABRIC8 = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();

    private BuiltInKinds() {
    }

    /** The fabric8 model class of this apiVersion and kind, if Kubernetes itself defines the kind. */
    public static Optional<Class<? extends KubernetesResource>> modelClass(JsonNode object) {
        return Optional.ofNullable(FABRIC8.getRegisteredKubernetesResource(object.path("apiVersion").asText(),
                object.path("kind").asText()));
    }

    /** Everything fabric8 could not map onto its model, and every field that did not survive a round trip. */
    public static List<String> problems(JsonNode object) {
        Class<? extends KubernetesResource> type = modelClass(object)
                .orElseThrow(() -> new IllegalArgumentException("not a built-in kind: " + object.path("kind")));
        List<String> problems = new ArrayList<>();
        Object parsed;
        try {
            parsed = FABRIC8.unmarshal(JSON.writeValueAsString(object), type);
        } catch (IOException | RuntimeException e) {
            return List.of("does not parse as " + type.getSimpleName() + ": " + e.getMessage());
        }
        collectUnknown(parsed, "", problems);
        try {
            JsonNode written = JSON.readTree(FABRIC8.asJson(parsed));
            collectDifferences(object, written, "", problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private static void collectUnknown(Object node, String path, List<String> problems) {
        if (node == null) {
            return;
        }
        if (node instanceof Collection<?> elements) {
            int i = 0;
            for (Object element : elements) {
                collectUnknown(element, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknown(value, path + "." + key, problems));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add((path.isEmpty() ? "." : path) + ": unknown or mistyped field(s) " + extra.keySet());
                }
            } else {
                collectUnknown(value, path + "." + property(getter), problems);
            }
        }
    }

    private static void collectDifferences(JsonNode input, JsonNode written, String path, List<String> problems) {
        if (input.isObject() && written.isObject()) {
            input.fieldNames().forEachRemaining(field -> {
                JsonNode back = written.get(field);
                if (back == null) {
                    problems.add(path + "." + field + ": dropped by the model (unknown field or wrong place)");
                } else {
                    collectDifferences(input.get(field), back, path + "." + field, problems);
                }
            });
        } else if (input.isArray() && written.isArray() && input.size() == written.size()) {
            for (int i = 0; i < input.size(); i++) {
                collectDifferences(input.get(i), written.get(i), path + "[" + i + "]", problems);
            }
        } else if (!input.equals(written)) {
            problems.add(path + ": written " + input + " but the model reads " + written);
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }

    private static String property(Method getter) {
        String name = getter.getName().substring(3);
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
