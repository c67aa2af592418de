package jp.moshisapo.k8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The patch semantics kustomize applies to a patch file: strategic merge for built-in kinds (lists of named
 * things such as containers merge element by element), JSON merge patch for custom resources (lists are
 * replaced). Only the list merge keys the manifests use are known; anything else is replaced, as kustomize does
 * for lists without a merge key.
 */
final class Patches {

    /** API groups whose kinds kustomize patches with strategic merge ("" is the core group). */
    private static final Set<String> BUILT_IN_GROUPS = Set.of("", "apps", "batch", "networking.k8s.io", "policy",
            "autoscaling", "rbac.authorization.k8s.io");

    /** Field name → merge key of its list elements, from the Kubernetes API's patchMergeKey annotations. */
    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath",
            "imagePullSecrets", "name");

    private Patches() {
    }

    static boolean isBuiltIn(String apiVersion) {
        return BUILT_IN_GROUPS.contains(group(apiVersion));
    }

    static String group(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }

    /** Applies {@code patch} to {@code target} in place. */
    static void apply(ObjectNode target, ObjectNode patch, boolean strategic) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                throw new UnsupportedOperationException("patch directive " + name + " is not supported by the "
                        + "in-test renderer; render with kubectl or keep the overlays free of directives");
            }
            JsonNode current = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                apply((ObjectNode) current, (ObjectNode) value, strategic);
            } else if (strategic && value.isArray() && current != null && current.isArray()
                    && MERGE_KEYS.containsKey(name)) {
                mergeByKey((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(name));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeByKey(ArrayNode current, ArrayNode patch, String key) {
        for (JsonNode element : patch) {
            JsonNode id = element.get(key);
            if (id == null) {
                throw new IllegalArgumentException("patch list element without merge key " + key + ": " + element);
            }
            ObjectNode match = null;
            for (JsonNode existing : current) {
                if (id.equals(existing.get(key))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match == null) {
                current.add(element.deepCopy());
            } else {
                apply(match, (ObjectNode) element, true);
            }
        }
    }
}
