package jp.moshisapo.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Secrets are referenced by name and never written into the manifests: no Secret object, no secret value in a
 * ConfigMap or an env literal. Every Secret a manifest refers to is either documented with its keys in
 * deploy/k8s/secrets.example.yaml or created by an operator.
 */
class SecretsTest {

    private static final Path EXAMPLE = Repo.k8s().resolve("secrets.example.yaml");

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void noOverlayRendersASecret(String overlay) {
        List<String> secrets = Overlays.render(overlay).ofKind("Secret").map(Rendered::name).toList();
        assertEquals(List.of(), secrets, overlay + " must only reference Secrets, never define them");
    }

    @Test
    void noManifestFileDefinesASecretExceptTheExample() throws IOException {
        try (Stream<Path> files = Files.walk(Repo.k8s())) {
            List<String> defining = files.filter(f -> f.toString().endsWith(".yaml") && !f.equals(EXAMPLE))
                    .filter(f -> Yaml.readAll(f).stream().anyMatch(d -> d.path("kind").asText().equals("Secret")))
                    .map(f -> Repo.k8s().relativize(f).toString()).toList();
            assertEquals(List.of(), defining);
        }
    }

    @Test
    void theExampleIsNeverPartOfAKustomizationAndHoldsOnlyPlaceholders() throws IOException {
        try (Stream<Path> files = Files.walk(Repo.k8s())) {
            files.filter(f -> f.getFileName().toString().equals("kustomization.yaml")).forEach(k ->
                    assertTrue(!read(k).contains("secrets.example"), k + " must not include the example Secrets"));
        }
        for (JsonNode secret : Yaml.readAll(EXAMPLE)) {
            assertTrue(!secret.has("data"), Rendered.name(secret) + ": stringData placeholders only");
            secret.path("stringData").fields().forEachRemaining(e -> {
                String value = e.getValue().asText();
                boolean placeholder = value.contains("<") && value.contains(">");
                assertTrue(placeholder || e.getKey().equals("username"),
                        Rendered.name(secret) + "/" + e.getKey() + " must be a <placeholder>, is: " + value);
            });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void secretValuesAreNeverWrittenIntoConfigMapsOrEnvLiterals(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        rendered.ofKind("ConfigMap").forEach(cm -> cm.path("data").fieldNames().forEachRemaining(key -> {
            if (ServiceConfigurationTest.SECRET_VARIABLE.matcher(key).matches()) {
                problems.add("ConfigMap " + Rendered.name(cm) + " holds " + key);
            }
        }));
        rendered.deployments().forEach(d -> d.findValues("env").forEach(env -> env.forEach(variable -> {
            String name = variable.path("name").asText();
            if (ServiceConfigurationTest.SECRET_VARIABLE.matcher(name).matches() && variable.has("value")) {
                problems.add(Rendered.name(d) + " sets " + name + " literally");
            }
        })));
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyReferencedSecretIsDocumentedOrCreatedByAnOperator(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        Map<String, Set<String>> documented = new TreeMap<>();
        for (JsonNode secret : Yaml.readAll(EXAMPLE)) {
            Set<String> keys = new TreeSet<>();
            secret.path("stringData").fieldNames().forEachRemaining(keys::add);
            documented.put(Rendered.name(secret), keys);
        }
        Set<String> generated = operatorCreatedSecrets(rendered);
        List<String> problems = new ArrayList<>();
        for (SecretRef ref : references(rendered)) {
            if (generated.contains(ref.name())) {
                continue;
            }
            Set<String> keys = documented.get(ref.name());
            if (keys == null) {
                problems.add(ref.name() + " (referenced by " + ref.by() + ") is not in secrets.example.yaml");
            } else if (ref.key() != null && !keys.contains(ref.key())) {
                problems.add(ref.name() + " has no key " + ref.key() + " in secrets.example.yaml (" + ref.by() + ")");
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Kafka user credentials and cluster CA (Strimzi), the PostgreSQL CA (CloudNativePG). */
    private static Set<String> operatorCreatedSecrets(Rendered rendered) {
        Set<String> names = rendered.ofKind("KafkaUser").map(Rendered::name).collect(Collectors.toSet());
        rendered.ofKind("Kafka").forEach(k -> names.add(Rendered.name(k) + "-cluster-ca-cert"));
        rendered.ofKind("Cluster").forEach(c -> names.add(Rendered.name(c) + "-ca"));
        return names;
    }

    private record SecretRef(String name, String key, String by) {
    }

    /** Every place a rendered object names a Secret: env, volumes, TLS, operator credentials. */
    private static List<SecretRef> references(Rendered rendered) {
        List<SecretRef> refs = new ArrayList<>();
        rendered.objects().forEach(o -> collect(o, null, Rendered.describe(o), refs));
        return refs;
    }

    private static void collect(JsonNode node, String field, String by, List<SecretRef> refs) {
        if (node.isArray()) {
            node.forEach(element -> collect(element, field, by, refs));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        boolean secretObject = field != null && (field.equals("secretKeyRef") || field.endsWith("Secret")
                || field.equals("secret") || field.equals("accessKeyId") || field.equals("secretAccessKey"));
        if (secretObject && node.has("name")) {
            refs.add(new SecretRef(node.get("name").asText(), node.path("key").asText(null), by));
        }
        if (node.has("secretName")) {
            JsonNode items = node.path("items");
            if (items.isEmpty()) {
                refs.add(new SecretRef(node.get("secretName").asText(), null, by));
            }
            items.forEach(i -> refs.add(new SecretRef(node.get("secretName").asText(), i.get("key").asText(), by)));
        }
        node.fields().forEachRemaining(e -> collect(e.getValue(), e.getKey(), by, refs));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
