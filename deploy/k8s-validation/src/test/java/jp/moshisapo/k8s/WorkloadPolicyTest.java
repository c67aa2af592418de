package jp.moshisapo.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import jp.moshisapo.k8s.render.ImageRef;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every service pod must be: probed, bounded, unprivileged, on a pinned image; and in production
 * autoscaled, protected by a disruption budget and spread over nodes.
 */
class WorkloadPolicyTest {

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void containerHasAllThreeProbes(String overlay, String service) {
        JsonNode container = Workload.of(Overlays.render(overlay), service).container();
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertTrue(container.path(probe).has("httpGet"), service + " has no HTTP " + probe);
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void containerRequestsAndIsLimitedInCpuAndMemory(String overlay, String service) {
        JsonNode resources = Workload.of(Overlays.render(overlay), service).container().path("resources");
        for (String kind : List.of("requests", "limits")) {
            for (String resource : List.of("cpu", "memory")) {
                assertTrue(resources.path(kind).hasNonNull(resource), service + " has no " + kind + "." + resource);
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void podRunsUnprivilegedOnAReadOnlyFilesystem(String overlay, String service) {
        Workload workload = Workload.of(Overlays.render(overlay), service);
        JsonNode pod = workload.deployment().at("/spec/template/spec");
        JsonNode container = workload.container().path("securityContext");
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean(), service + ": runAsNonRoot");
        assertTrue(pod.at("/securityContext/runAsUser").asInt(0) > 0, service + ": a numeric non-root user");
        assertEquals("RuntimeDefault", pod.at("/securityContext/seccompProfile/type").asText(), service + ": seccomp");
        assertFalse(container.path("allowPrivilegeEscalation").asBoolean(true), service + ": privilege escalation");
        assertFalse(container.path("privileged").asBoolean(false), service + ": privileged");
        assertTrue(container.path("readOnlyRootFilesystem").asBoolean(), service + ": read-only root filesystem");
        assertEquals("[\"ALL\"]", container.at("/capabilities/drop").toString(), service + ": capabilities dropped");
        assertTrue(container.at("/capabilities/add").isMissingNode(), service + ": no capability added");
        assertFalse(pod.path("automountServiceAccountToken").asBoolean(true), service + ": no API token mounted");
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            assertFalse(pod.path(host).asBoolean(false), service + ": " + host);
        }
        assertTrue(pod.path("volumes").findValues("hostPath").isEmpty(), service + ": no hostPath volume");
        String tmpVolume = workload.container().path("volumeMounts").findParents("mountPath").stream()
                .filter(m -> m.get("mountPath").asText().equals("/tmp")).map(m -> m.get("name").asText())
                .findFirst().orElseThrow(() -> new AssertionError(service + ": a writable /tmp is needed"));
        assertTrue(pod.path("volumes").findParents("name").stream()
                .anyMatch(v -> v.get("name").asText().equals(tmpVolume) && v.has("emptyDir")),
                service + ": /tmp is an emptyDir");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void imageIsPinnedToARelease(String overlay, String service) {
        ImageRef image = ImageRef.parse(Workload.of(Overlays.render(overlay), service).container().path("image")
                .asText());
        assertTrue(image.digest() != null || (image.tag() != null && !image.tag().equals("latest")),
                service + " image " + image + " must carry a release tag or a digest, never latest");
        assertFalse(image.tag() != null && image.tag().endsWith("SNAPSHOT"), service + ": a moving SNAPSHOT tag");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void serviceAccountExistsAndIsTheServicesOwn(String overlay, String service) {
        Rendered rendered = Overlays.render(overlay);
        JsonNode pod = Workload.of(rendered, service).deployment().at("/spec/template/spec");
        assertEquals(service, pod.path("serviceAccountName").asText(), service + " service account");
        assertTrue(rendered.find("ServiceAccount", service).isPresent(), "ServiceAccount " + service);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void productionAutoscalesAndSurvivesDrainsAndNodeLoss(String overlay, String service) {
        Rendered rendered = Overlays.render(overlay);
        Workload workload = Workload.of(rendered, service);
        boolean production = overlay.equals("production");
        var autoscaler = rendered.ofKind("HorizontalPodAutoscaler")
                .filter(h -> h.at("/spec/scaleTargetRef/name").asText().equals(service)).findFirst();
        var budget = rendered.ofKind("PodDisruptionBudget")
                .filter(p -> NetworkPolicies.matches(p.at("/spec/selector"), workload.podLabels())).findFirst();
        JsonNode antiAffinity = workload.deployment().at("/spec/template/spec/affinity/podAntiAffinity");
        if (!production) {
            assertTrue(autoscaler.isEmpty() && budget.isEmpty(), service + ": one replica locally, nothing to keep");
            return;
        }
        assertTrue(autoscaler.isPresent(), service + " has no HorizontalPodAutoscaler");
        assertTrue(autoscaler.get().at("/spec/minReplicas").asInt() >= 2, service + ": at least two replicas");
        assertTrue(workload.deployment().at("/spec/replicas").isMissingNode(),
                service + ": the autoscaler owns replicas; a replicas field would fight it on every apply");
        assertTrue(budget.isPresent(), service + " has no PodDisruptionBudget");
        assertTrue(!antiAffinity.isMissingNode() && NetworkPolicies.matches(
                antiAffinity.at("/preferredDuringSchedulingIgnoredDuringExecution/0/podAffinityTerm/labelSelector"),
                workload.podLabels()), service + " has no pod anti-affinity against its own replicas");
    }
}
