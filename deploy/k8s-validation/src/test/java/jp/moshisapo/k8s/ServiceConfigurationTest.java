package jp.moshisapo.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifests agree with each service's own configuration (its application.properties): ports, listen
 * addresses, health paths, and every address and secret the service reads is set for the cluster instead of
 * falling back to a laptop default.
 */
class ServiceConfigurationTest {

    /** Variables whose laptop default is a published placeholder: in the cluster they must come from a Secret. */
    static final Pattern SECRET_VARIABLE = Pattern.compile("(?!REQUIRE_).*(PASSWORD|SECRET|TOKEN|_KEY|_KEYS|JAAS_CONFIG)$");
    /** Variables whose laptop default points at 127.0.0.1 or a local account. */
    static final Pattern ADDRESS_VARIABLE = Pattern.compile(".*(_URL|_SERVERS|_USER)$");

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void containerAndServicePortsAreTheServicesOwnPorts(String overlay, String service) {
        Rendered rendered = Overlays.render(overlay);
        Workload workload = Workload.of(rendered, service);
        ServiceConfig config = ServiceConfig.of(service);
        int http = Integer.parseInt(config.valueIn("quarkus.http.port", workload.env()).orElseThrow());
        int management = Integer.parseInt(config.valueIn("quarkus.management.port", workload.env()).orElseThrow());
        assertEquals(Optional.of(http), workload.port("http"), service + " container port 'http'");
        assertEquals(Optional.of(management), workload.port("management"), service + " container port 'management'");
        assertEquals("true", config.property("quarkus.management.enabled").orElse("false"),
                service + " must serve health and metrics on its management interface");
        assertServicePort(rendered.get("Service", service), "http", http);
        assertServicePort(rendered.get("Service", service + "-management"), "management", management);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void probesAskTheHealthEndpointsOnTheManagementPort(String overlay, String service) {
        Workload workload = Workload.of(Overlays.render(overlay), service);
        Map<String, String> paths = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        paths.forEach((probe, path) -> {
            JsonNode get = workload.container().path(probe).path("httpGet");
            assertEquals(path, get.path("path").asText(), service + " " + probe + " path");
            assertEquals("management", get.path("port").asText(), service + " " + probe + " port");
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void serviceListensOnThePodAddressNotOnLoopback(String overlay, String service) {
        Workload workload = Workload.of(Overlays.render(overlay), service);
        ServiceConfig config = ServiceConfig.of(service);
        for (String key : List.of("quarkus.http.host", "quarkus.management.host")) {
            assertEquals(Optional.of("0.0.0.0"), config.valueIn(key, workload.env()),
                    service + ": " + key + " (set " + config.envVarOf(key).orElse(key) + " in its ConfigMap)");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void everySecretTheServiceReadsComesFromASecret(String overlay, String service) {
        Rendered rendered = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (String variable : ServiceConfig.of(service).envDefaults().keySet()) {
            Workload workload = containerReading(rendered, service, variable);
            if (SECRET_VARIABLE.matcher(variable).matches() && workload.secretOf(variable).isEmpty()) {
                problems.add(variable + " would run with its published local default");
            }
        }
        assertEquals(List.of(), problems, service + " in " + overlay);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void everyAddressTheServiceReadsIsSetForTheCluster(String overlay, String service) {
        Rendered rendered = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        ServiceConfig.of(service).envDefaults().forEach((variable, localDefault) -> {
            Workload workload = containerReading(rendered, service, variable);
            boolean address = ADDRESS_VARIABLE.matcher(variable).matches();
            boolean safetySwitch = variable.startsWith("REQUIRE_");
            if (address && !workload.env().containsKey(variable)) {
                problems.add(variable + " is not set: the service would use " + localDefault);
            }
            if (safetySwitch && !"true".equals(workload.env().get(variable))) {
                problems.add(variable + " must be \"true\" in a cluster");
            }
        });
        assertEquals(List.of(), problems, service + " in " + overlay);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void gatewayReachesEachServiceAtItsServiceNameAndPort(String overlay, String service) {
        if (service.equals("gateway")) {
            return;
        }
        Rendered rendered = Overlays.render(overlay);
        ServiceConfig gateway = ServiceConfig.of("gateway");
        Workload gatewayPod = Workload.of(rendered, "gateway");
        String key = "moshisapo.gateway." + service.replace("-service", "") + "-url";
        int port = rendered.get("Service", service).at("/spec/ports/0/port").asInt();
        assertEquals(Optional.of("http://" + service + ":" + port), gateway.valueIn(key, gatewayPod.env()), key);
    }

    /**
     * The container that must set {@code variable}: the database owner's credentials belong to the migrations'
     * initContainer only (docs/operations.md, "Migrations and database roles"), everything else to the service's.
     */
    private static Workload containerReading(Rendered rendered, String service, String variable) {
        if (variable.contains("_DB_OWNER_")) {
            return Workload.init(rendered, service, "migrate")
                    .orElseThrow(() -> new AssertionError(service + " reads " + variable + " but has no migrate "
                            + "initContainer"));
        }
        return Workload.of(rendered, service);
    }

    private static void assertServicePort(JsonNode service, String name, int containerPort) {
        JsonNode port = service.at("/spec/ports/0");
        assertEquals(1, service.path("spec").path("ports").size(), Rendered.describe(service) + " has one port");
        assertEquals(name, port.path("name").asText(), Rendered.describe(service) + " port name");
        assertEquals(containerPort, port.path("port").asInt(), Rendered.describe(service) + " port");
        assertTrue(port.path("targetPort").asText().equals(name), Rendered.describe(service) + " targets " + name);
    }
}
