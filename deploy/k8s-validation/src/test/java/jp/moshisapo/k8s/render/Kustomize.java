package jp.moshisapo.k8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.moshisapo.k8s.Yaml;

/**
 * The part of kustomize the manifests use, for machines without kubectl: {@code resources} (files and
 * directories), {@code patches} (patch files), {@code images}, {@code namespace} and {@code labels}
 * (metadata labels only). Anything else in a kustomization.yaml fails loudly instead of rendering differently.
 * Where kubectl exists, a test compares this renderer's output with {@code kubectl kustomize}.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "namespace", "labels",
            "resources", "patches", "images");
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("Namespace", "ClusterRole",
            "ClusterRoleBinding", "CustomResourceDefinition", "StorageClass", "PriorityClass");

    private Kustomize() {
    }

    public static List<ObjectNode> build(Path directory) {
        JsonNode kustomization = Yaml.readOne(directory.resolve("kustomization.yaml"));
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw unsupported(directory, field);
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(build(path));
            } else {
                Yaml.readAll(path).forEach(document -> objects.add((ObjectNode) document));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            patch.fieldNames().forEachRemaining(field -> {
                if (!field.equals("path")) {
                    throw unsupported(directory, "patches[]." + field);
                }
            });
            for (JsonNode document : Yaml.readAll(directory.resolve(patch.get("path").asText()))) {
                applyPatch(objects, (ObjectNode) document);
            }
        }
        if (kustomization.hasNonNull("namespace")) {
            setNamespace(objects, kustomization.get("namespace").asText());
        }
        for (JsonNode labels : kustomization.path("labels")) {
            addLabels(directory, objects, labels);
        }
        for (JsonNode image : kustomization.path("images")) {
            objects.forEach(object -> retag(object, image));
        }
        return objects;
    }

    private static void applyPatch(List<ObjectNode> objects, ObjectNode patch) {
        String apiVersion = patch.path("apiVersion").asText();
        String kind = patch.path("kind").asText();
        String name = patch.path("metadata").path("name").asText();
        List<ObjectNode> targets = objects.stream()
                .filter(o -> Patches.group(o.path("apiVersion").asText()).equals(Patches.group(apiVersion)))
                .filter(o -> o.path("kind").asText().equals(kind))
                .filter(o -> o.path("metadata").path("name").asText().equals(name))
                .toList();
        if (targets.size() != 1) {
            throw new IllegalStateException("patch for " + kind + " " + name + " matches " + targets.size()
                    + " resources, expected exactly one");
        }
        Patches.apply(targets.get(0), patch, Patches.isBuiltIn(apiVersion));
    }

    private static void setNamespace(List<ObjectNode> objects, String namespace) {
        for (ObjectNode object : objects) {
            if (!CLUSTER_SCOPED_KINDS.contains(object.path("kind").asText())) {
                ((ObjectNode) object.get("metadata")).put("namespace", namespace);
            }
        }
    }

    private static void addLabels(Path directory, List<ObjectNode> objects, JsonNode labels) {
        labels.fieldNames().forEachRemaining(field -> {
            boolean metadataOnly = (field.equals("includeSelectors") || field.equals("includeTemplates"))
                    && !labels.get(field).asBoolean();
            if (!field.equals("pairs") && !metadataOnly) {
                throw unsupported(directory, "labels[]." + field);
            }
        });
        for (ObjectNode object : objects) {
            ObjectNode metadata = (ObjectNode) object.get("metadata");
            ObjectNode target = metadata.has("labels") ? (ObjectNode) metadata.get("labels")
                    : metadata.putObject("labels");
            labels.get("pairs").fields().forEachRemaining(pair -> target.set(pair.getKey(), pair.getValue()));
        }
    }

    /** Sets name, tag or digest of every container image whose name matches the entry, at any depth. */
    private static void retag(JsonNode node, JsonNode entry) {
        if (node.isArray()) {
            node.forEach(element -> retag(element, entry));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            boolean containerList = field.getKey().equals("containers") || field.getKey().equals("initContainers");
            if (containerList && field.getValue().isArray()) {
                for (JsonNode container : (ArrayNode) field.getValue()) {
                    retagContainer((ObjectNode) container, entry);
                }
            } else {
                retag(field.getValue(), entry);
            }
        }
    }

    private static void retagContainer(ObjectNode container, JsonNode entry) {
        ImageRef image = ImageRef.parse(container.path("image").asText());
        if (!image.name().equals(entry.path("name").asText())) {
            return;
        }
        if (entry.hasNonNull("newName")) {
            image = image.withName(entry.get("newName").asText());
        }
        if (entry.hasNonNull("newTag")) {
            image = image.withTag(entry.get("newTag").asText());
        }
        if (entry.hasNonNull("digest")) {
            image = image.withDigest(entry.get("digest").asText());
        }
        container.put("image", image.toString());
    }

    private static UnsupportedOperationException unsupported(Path directory, String field) {
        return new UnsupportedOperationException(directory.resolve("kustomization.yaml") + ": '" + field
                + "' is not supported by the in-test renderer (deploy/k8s-validation Kustomize.java); keep the "
                + "overlays simple or extend it, and compare with kubectl kustomize");
    }
}
