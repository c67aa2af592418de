package jp.moshisapo.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import jp.moshisapo.k8s.render.Kubectl;
import jp.moshisapo.k8s.render.Kustomize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each overlay renders, to the whole system, and the in-test renderer agrees with kubectl. */
class OverlayRenderingTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void overlayRendersTheFourServicesAndEveryBackingService(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        Set<String> deployments = rendered.ofKind("Deployment").map(Rendered::name).collect(Collectors.toSet());
        assertEquals(Set.copyOf(Services.ALL), deployments, rendered + " Deployments");
        for (String kind : List.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database",
                "Keycloak", "KeycloakRealmImport", "NetworkPolicy", "ServiceMonitor", "PrometheusRule")) {
            assertTrue(rendered.ofKind(kind).findAny().isPresent(), rendered + " renders no " + kind);
        }
        rendered.objects().stream().filter(o -> !o.path("kind").asText().equals("Namespace")).forEach(o ->
                assertEquals("moshisapo", o.path("metadata").path("namespace").asText(),
                        rendered + ": " + Rendered.describe(o) + " outside the namespace"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void inTestRendererProducesExactlyWhatKubectlProduces(String overlay) {
        assumeTrue(Kubectl.available(), "kubectl is not installed: the in-test renderer is used without a "
                + "cross-check (install kubectl to compare)");
        Map<String, JsonNode> kubectl = byIdentity(Yaml.readAll(Kubectl.kustomize(Repo.overlay(overlay))));
        Map<String, JsonNode> inTest = byIdentity(Overlays.renderInTest(overlay));
        assertEquals(kubectl.keySet(), inTest.keySet(), overlay + ": objects rendered");
        for (String id : kubectl.keySet()) {
            assertEquals(kubectl.get(id), inTest.get(id), overlay + ": " + id + " differs from kubectl kustomize");
        }
    }

    @Test
    void inTestRendererRefusesKustomizeFeaturesItDoesNotImplement(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources: []
                replicas:
                  - name: gateway
                    count: 2
                """);
        UnsupportedOperationException refused = assertThrows(UnsupportedOperationException.class,
                () -> Kustomize.build(dir));
        assertTrue(refused.getMessage().contains("'replicas'"), refused.getMessage());
    }

    @Test
    void everyOverlayRunsTheReleaseTaggedInBaseFromItsOwnRegistry() {
        JsonNode base = Yaml.readOne(Repo.k8s().resolve("base/kustomization.yaml"));
        Map<String, String> baseTags = new TreeMap<>();
        base.path("images").forEach(i -> baseTags.put(i.get("name").asText(), i.get("newTag").asText()));
        assertEquals(Set.copyOf(Services.ALL.stream().map(s -> "moshisapo/" + s).toList()), baseTags.keySet());
        Map<String, String> registries = Map.of("local", "localhost:5001/", "production", "registry.example.jp/");
        for (Rendered rendered : Overlays.all()) {
            Set<String> images = rendered.deployments().stream()
                    .flatMap(d -> d.at("/spec/template/spec/containers").findValuesAsText("image").stream())
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = baseTags.entrySet().stream()
                    .map(e -> registries.get(rendered.overlay()) + e.getKey() + ":" + e.getValue())
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, images, rendered + " images");
        }
    }

    private static Map<String, JsonNode> byIdentity(List<JsonNode> objects) {
        Map<String, JsonNode> byId = new TreeMap<>();
        for (JsonNode o : objects) {
            String id = o.path("apiVersion").asText() + " " + Rendered.describe(o);
            if (byId.put(id, o) != null) {
                throw new AssertionError("rendered twice: " + id);
            }
        }
        return byId;
    }
}
