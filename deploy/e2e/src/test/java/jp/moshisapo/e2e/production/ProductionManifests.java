package jp.moshisapo.e2e.production;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import jp.moshisapo.k8s.Overlays;
import jp.moshisapo.k8s.Rendered;

/**
 * The rendered production overlay, read the way the kubelet reads it: a Deployment's environment is its
 * {@code envFrom} ConfigMaps, then its {@code env} entries with their Secret and ConfigMap references resolved, and
 * its secret volumes become files. A reference to a ConfigMap, Secret or key that does not exist fails the drill,
 * as it would keep the pod from starting.
 */
public final class ProductionManifests {

    private final Rendered rendered = Overlays.render("production");

    /** The objects of one kind, e.g. every {@code KafkaUser}. */
    public List<JsonNode> ofKind(String kind) {
        return rendered.ofKind(kind).toList();
    }

    public JsonNode get(String kind, String name) {
        return rendered.get(kind, name);
    }

    /** The realm the Keycloak operator imports ({@code spec.realm} of the KeycloakRealmImport). */
    public JsonNode realm() {
        return ofKind("KeycloakRealmImport").get(0).path("spec").path("realm");
    }

    /**
     * The container environment of {@code deployment}, exactly as the manifests give it.
     *
     * @param secrets every Secret by name, as key → value
     */
    public Map<String, String> environment(String deployment, Map<String, Map<String, String>> secrets) {
        return environment(deployment, deployment, secrets);
    }

    /** The environment of one container of {@code deployment}: the service's own or an initContainer. */
    public Map<String, String> environment(String deployment, String containerName,
            Map<String, Map<String, String>> secrets) {
        JsonNode container = container(deployment, containerName);
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode source : container.path("envFrom")) {
            if (source.has("configMapRef")) {
                env.putAll(configMap(source.at("/configMapRef/name").asText()));
            } else if (source.has("secretRef")) {
                env.putAll(secret(secrets, source.at("/secretRef/name").asText()));
            } else {
                throw new AssertionError(deployment + ": unknown envFrom " + source);
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            if (variable.has("value")) {
                env.put(name, variable.path("value").asText());
            } else if (variable.at("/valueFrom/secretKeyRef").isObject()) {
                JsonNode ref = variable.at("/valueFrom/secretKeyRef");
                env.put(name, key(secret(secrets, ref.path("name").asText()), ref, deployment + " " + name));
            } else if (variable.at("/valueFrom/configMapKeyRef").isObject()) {
                JsonNode ref = variable.at("/valueFrom/configMapKeyRef");
                env.put(name, key(configMap(ref.path("name").asText()), ref, deployment + " " + name));
            } else {
                throw new AssertionError(deployment + ": " + name + " has a source the drill cannot provide: "
                        + variable);
            }
        }
        return env;
    }

    /** The names of {@code deployment}'s initContainers, in the order the kubelet runs them. */
    public List<String> initContainers(String deployment) {
        return stream(get("Deployment", deployment).at("/spec/template/spec/initContainers"))
                .map(c -> c.path("name").asText()).toList();
    }

    /** The names of the variables {@code deployment} takes from a Secret. */
    public List<String> secretVariables(String deployment) {
        return stream(container(deployment).path("env"))
                .filter(variable -> variable.at("/valueFrom/secretKeyRef").isObject())
                .map(variable -> variable.path("name").asText())
                .toList();
    }

    /**
     * Writes the deployment's secret volumes under {@code root} and answers mount path → local directory, so the
     * drill can point the paths the manifests name (e.g. the PostgreSQL CA) at real files.
     */
    public Map<String, Path> mountSecretVolumes(String deployment, Map<String, Map<String, String>> secrets,
            Path root) {
        JsonNode pod = get("Deployment", deployment).at("/spec/template/spec");
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (JsonNode mount : container(deployment).path("volumeMounts")) {
            Optional<JsonNode> volume = stream(pod.path("volumes"))
                    .filter(v -> v.path("name").asText().equals(mount.path("name").asText())).findFirst();
            if (volume.isEmpty() || !volume.get().has("secret")) {
                continue; // emptyDir and the like: nothing to provide
            }
            Map<String, String> data = secret(secrets, volume.get().at("/secret/secretName").asText());
            Path dir = root.resolve(deployment).resolve(mount.path("name").asText());
            try {
                Files.createDirectories(dir);
                JsonNode items = volume.get().at("/secret/items");
                if (items.isArray()) {
                    for (JsonNode item : items) {
                        write(dir.resolve(item.path("path").asText()), key(data, item, deployment + " volume"));
                    }
                } else {
                    for (Map.Entry<String, String> entry : data.entrySet()) {
                        write(dir.resolve(entry.getKey()), entry.getValue());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            mounts.put(mount.path("mountPath").asText(), dir);
        }
        return mounts;
    }

    private JsonNode container(String deployment) {
        return container(deployment, deployment);
    }

    private JsonNode container(String deployment, String name) {
        JsonNode pod = get("Deployment", deployment).at("/spec/template/spec");
        return java.util.stream.Stream.concat(stream(pod.path("initContainers")), stream(pod.path("containers")))
                .filter(c -> c.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + deployment + " has no container " + name));
    }

    private Map<String, String> configMap(String name) {
        Map<String, String> data = new LinkedHashMap<>();
        get("ConfigMap", name).path("data").fields().forEachRemaining(e -> data.put(e.getKey(), e.getValue().asText()));
        return data;
    }

    private static Map<String, String> secret(Map<String, Map<String, String>> secrets, String name) {
        Map<String, String> secret = secrets.get(name);
        if (secret == null) {
            throw new AssertionError("the manifests reference Secret " + name + ", which neither "
                    + "secrets.example.yaml nor an operator provides");
        }
        return secret;
    }

    private static String key(Map<String, String> data, JsonNode ref, String where) {
        String key = ref.path("key").asText();
        String value = data.get(key);
        if (value == null) {
            throw new AssertionError(where + ": key " + key + " does not exist in " + ref.path("name").asText(ref
                    .toString()));
        }
        return value;
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }
}
