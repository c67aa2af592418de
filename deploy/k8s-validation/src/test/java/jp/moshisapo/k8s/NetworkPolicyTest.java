package jp.moshisapo.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.moshisapo.k8s.NetworkPolicies.Endpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Deny by default, and exactly the flows the system needs: the ingress controller to the gateway, the gateway
 * to the services, each service to the backing services its configuration names, LINE for the two services
 * that call it, Prometheus to the management ports. Everything else is refused, which the second half checks.
 */
class NetworkPolicyTest {

    private static final String NAMESPACE = "moshisapo";
    /** Stands for api.line.me: some public address (TEST-NET-3). */
    private static final Endpoint LINE_API = Endpoint.external("203.0.113.10");
    private static final Endpoint INGRESS_CONTROLLER = Endpoint.pod("ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    private static final Endpoint PROMETHEUS = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
    private static final Endpoint KUBE_DNS = Endpoint.pod("kube-system", Map.of("k8s-app", "kube-dns"));
    private static final Endpoint OTHER_NAMESPACE = Endpoint.pod("default", Map.of("app", "curl"));

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void namespaceDeniesAllTrafficByDefault(String overlay) {
        boolean denyAll = Overlays.render(overlay).ofKind("NetworkPolicy").anyMatch(p ->
                p.at("/spec/podSelector").isEmpty()
                        && p.at("/spec/policyTypes").toString().contains("Ingress")
                        && p.at("/spec/policyTypes").toString().contains("Egress")
                        && !p.at("/spec").has("ingress") && !p.at("/spec").has("egress"));
        assertTrue(denyAll, overlay + " has no default-deny NetworkPolicy for the namespace");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyDeploymentHasItsOwnIngressAndEgressPolicy(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        for (String service : Services.ALL) {
            Map<String, String> labels = Workload.of(rendered, service).podLabels();
            for (String type : List.of("Ingress", "Egress")) {
                boolean covered = rendered.ofKind("NetworkPolicy")
                        .filter(p -> !p.at("/spec/podSelector").isEmpty())
                        .filter(p -> NetworkPolicies.matches(p.at("/spec/podSelector"), labels))
                        .anyMatch(p -> p.at("/spec/policyTypes").toString().contains(type));
                assertTrue(covered, overlay + ": no " + type + " NetworkPolicy of its own selects " + service);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theFlowsTheSystemNeedsAreAllowed(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        NetworkPolicies policies = new NetworkPolicies(rendered, NAMESPACE);
        List<String> refused = new ArrayList<>();
        for (Flow flow : needed(rendered)) {
            if (!policies.allows(flow.from(), flow.to(), flow.port(), flow.protocol())) {
                refused.add(flow.description());
            }
        }
        assertEquals(List.of(), refused, overlay + ": needed flows the policies refuse");
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everythingElseIsRefused(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        NetworkPolicies policies = new NetworkPolicies(rendered, NAMESPACE);
        List<String> allowed = new ArrayList<>();
        for (Flow flow : unneeded(rendered)) {
            if (policies.allows(flow.from(), flow.to(), flow.port(), flow.protocol())) {
                allowed.add(flow.description());
            }
        }
        assertEquals(List.of(), allowed, overlay + ": flows nobody needs are open");
    }

    private record Flow(String description, Endpoint from, Endpoint to, int port, String protocol) {
        static Flow tcp(String description, Endpoint from, Endpoint to, int port) {
            return new Flow(description, from, to, port, "TCP");
        }
    }

    private static List<Flow> needed(Rendered rendered) {
        Targets t = Targets.of(rendered);
        List<Flow> flows = new ArrayList<>();
        flows.add(Flow.tcp("ingress controller -> gateway", INGRESS_CONTROLLER, t.pod("gateway"), t.http("gateway")));
        flows.add(Flow.tcp("browser sign-in: ingress controller -> keycloak", INGRESS_CONTROLLER, t.keycloak,
                t.keycloakPort));
        for (String service : Services.ALL) {
            Endpoint pod = t.pod(service);
            ServiceConfig config = ServiceConfig.of(service);
            flows.add(new Flow(service + " -> DNS", pod, KUBE_DNS, 53, "UDP"));
            flows.add(Flow.tcp("prometheus -> " + service, PROMETHEUS, pod, t.management(service)));
            if (!service.equals("gateway")) {
                flows.add(Flow.tcp("gateway -> " + service, t.pod("gateway"), pod, t.http(service)));
            }
            if (config.reads("KAFKA_BOOTSTRAP_SERVERS")) {
                flows.add(Flow.tcp(service + " -> kafka", pod, t.kafkaBroker, t.kafkaPort));
            }
            if (config.property("quarkus.datasource.jdbc.url").isPresent()) {
                flows.add(Flow.tcp(service + " -> postgres", pod, t.postgres, 5432));
            }
            if (config.reads("OIDC_AUTH_SERVER_URL")) {
                flows.add(Flow.tcp(service + " -> keycloak", pod, t.keycloak, t.keycloakPort));
            }
            if (config.reads("LINE_API_BASE_URL")) {
                flows.add(Flow.tcp(service + " -> LINE API", pod, LINE_API, 443));
            }
            if (config.reads("QUARKUS_MAILER_HOST")) {
                flows.add(Flow.tcp(service + " -> SMTP relay", pod, LINE_API, smtpPort(rendered, service)));
            }
        }
        flows.add(Flow.tcp("keycloak -> postgres", t.keycloak, t.postgres, 5432));
        flows.add(Flow.tcp("realm import job -> postgres", t.keycloakImportJob, t.postgres, 5432));
        flows.add(Flow.tcp("postgres replication", t.postgres, t.postgres, 5432));
        return flows;
    }

    private static List<Flow> unneeded(Rendered rendered) {
        Targets t = Targets.of(rendered);
        List<Flow> flows = new ArrayList<>();
        for (String service : Services.ALL) {
            Endpoint pod = t.pod(service);
            ServiceConfig config = ServiceConfig.of(service);
            flows.add(Flow.tcp("other namespace -> " + service, OTHER_NAMESPACE, pod, t.http(service)));
            flows.add(Flow.tcp("other namespace -> " + service + " management", OTHER_NAMESPACE, pod,
                    t.management(service)));
            if (!service.equals("gateway")) {
                flows.add(Flow.tcp("ingress controller -> " + service + " (bypassing the gateway)",
                        INGRESS_CONTROLLER, pod, t.http(service)));
                for (String other : Services.ALL) {
                    if (!other.equals(service)) {
                        flows.add(Flow.tcp(service + " -> " + other, pod, t.pod(other), t.http(other)));
                    }
                }
            }
            if (!config.reads("KAFKA_BOOTSTRAP_SERVERS")) {
                flows.add(Flow.tcp(service + " -> kafka", pod, t.kafkaBroker, t.kafkaPort));
            }
            if (config.property("quarkus.datasource.jdbc.url").isEmpty()) {
                flows.add(Flow.tcp(service + " -> postgres", pod, t.postgres, 5432));
            }
            if (!config.reads("OIDC_AUTH_SERVER_URL")) {
                flows.add(Flow.tcp(service + " -> keycloak", pod, t.keycloak, t.keycloakPort));
            }
            if (!config.reads("LINE_API_BASE_URL")) {
                flows.add(Flow.tcp(service + " -> internet", pod, LINE_API, 443));
            }
            if (!config.reads("QUARKUS_MAILER_HOST")) {
                flows.add(Flow.tcp(service + " -> SMTP", pod, LINE_API, 587));
            }
            flows.add(Flow.tcp(service + " -> internet on another port", pod, LINE_API, 80));
            flows.add(Flow.tcp(service + " -> SMTP on port 25", pod, LINE_API, 25));
        }
        flows.add(Flow.tcp("other namespace -> postgres", OTHER_NAMESPACE, t.postgres, 5432));
        flows.add(Flow.tcp("other namespace -> kafka", OTHER_NAMESPACE, t.kafkaBroker, t.kafkaPort));
        flows.add(Flow.tcp("keycloak -> internet", t.keycloak, LINE_API, 443));
        return flows;
    }

    /** The relay's port as the service's Deployment names it. */
    private static int smtpPort(Rendered rendered, String service) {
        return Integer.parseInt(Workload.of(rendered, service).env().get("QUARKUS_MAILER_PORT"));
    }

    /** Endpoints of the rendered system, with the labels the operators put on the pods they create. */
    private record Targets(Rendered rendered, Endpoint kafkaBroker, int kafkaPort, Endpoint postgres,
            Endpoint keycloak, Endpoint keycloakImportJob, int keycloakPort) {

        static Targets of(Rendered rendered) {
            JsonNode kafka = rendered.ofKind("Kafka").findFirst().orElseThrow();
            String kafkaName = Rendered.name(kafka);
            Endpoint broker = Endpoint.pod(NAMESPACE, Map.of("strimzi.io/cluster", kafkaName,
                    "strimzi.io/kind", "Kafka", "strimzi.io/name", kafkaName + "-kafka",
                    "strimzi.io/broker-role", "true"));
            int kafkaPort = kafka.at("/spec/kafka/listeners/0/port").asInt();
            String pg = Rendered.name(rendered.ofKind("Cluster").findFirst().orElseThrow());
            Endpoint postgres = Endpoint.pod(NAMESPACE, Map.of("cnpg.io/cluster", pg, "cnpg.io/podRole", "instance",
                    "cnpg.io/instanceRole", "primary"));
            JsonNode kc = rendered.ofKind("Keycloak").findFirst().orElseThrow();
            Map<String, String> server = Map.of("app", "keycloak", "app.kubernetes.io/managed-by", "keycloak-operator",
                    "app.kubernetes.io/instance", Rendered.name(kc), "app.kubernetes.io/component", "server");
            Map<String, String> job = new java.util.HashMap<>(server);
            job.put("app", "keycloak-realm-import");
            int keycloakPort = URI.create(Workload.of(rendered, "gateway").env().get("OIDC_AUTH_SERVER_URL")).getPort();
            return new Targets(rendered, broker, kafkaPort, postgres, Endpoint.pod(NAMESPACE, server),
                    Endpoint.pod(NAMESPACE, job), keycloakPort);
        }

        Endpoint pod(String service) {
            return Endpoint.pod(NAMESPACE, Workload.of(rendered, service).podLabels());
        }

        int http(String service) {
            return Workload.of(rendered, service).port("http").orElseThrow();
        }

        int management(String service) {
            return Workload.of(rendered, service).port("management").orElseThrow();
        }
    }
}
