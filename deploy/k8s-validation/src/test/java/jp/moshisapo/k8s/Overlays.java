package jp.moshisapo.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.moshisapo.k8s.render.Kubectl;
import jp.moshisapo.k8s.render.Kustomize;

/** Renders each overlay once per test run: with kubectl where it exists, otherwise with the in-test renderer. */
public final class Overlays {

    public static final List<String> ALL = List.of("local", "production");

    private static final Map<String, Rendered> CACHE = new ConcurrentHashMap<>();

    private Overlays() {
    }

    public static Rendered render(String overlay) {
        return CACHE.computeIfAbsent(overlay, Overlays::renderNow);
    }

    public static List<Rendered> all() {
        return ALL.stream().map(Overlays::render).toList();
    }

    /** The in-test renderer's output, whatever is installed. */
    public static List<JsonNode> renderInTest(String overlay) {
        return Kustomize.build(Repo.overlay(overlay)).stream().map(JsonNode.class::cast).toList();
    }

    private static Rendered renderNow(String overlay) {
        if (Kubectl.available()) {
            return new Rendered(overlay, "kubectl kustomize", Yaml.readAll(Kubectl.kustomize(Repo.overlay(overlay))));
        }
        return new Rendered(overlay, "in-test kustomize", renderInTest(overlay));
    }
}
