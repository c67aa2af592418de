package jp.moshisapo.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the rendered NetworkPolicies the way a policy-enforcing CNI does, for traffic to and from the
 * namespace: a pod selected by a policy of a direction accepts only what some rule of that direction allows.
 * Strimzi writes the ingress policy of its listener from the Kafka resource's networkPolicyPeers; that policy is
 * derived here too. Policies of other namespaces are not ours and are taken as allowing everything.
 */
public final class NetworkPolicies {

    /** A pod (namespace and labels) or an address outside the cluster. */
    public record Endpoint(String namespace, Map<String, String> labels, String address) {

        public static Endpoint pod(String namespace, Map<String, String> labels) {
            return new Endpoint(namespace, labels, null);
        }

        public static Endpoint external(String address) {
            return new Endpoint(null, Map.of(), address);
        }

        boolean isPod() {
            return address == null;
        }
    }

    private final String namespace;
    private final List<JsonNode> policies = new ArrayList<>();

    public NetworkPolicies(Rendered rendered, String namespace) {
        this.namespace = namespace;
        rendered.ofKind("NetworkPolicy").forEach(policies::add);
        rendered.ofKind("Kafka").forEach(kafka -> policies.addAll(strimziListenerPolicies(kafka)));
    }

    public List<JsonNode> policies() {
        return policies;
    }

    public boolean allows(Endpoint from, Endpoint to, int port, String protocol) {
        return egressAllowed(from, to, port, protocol) && ingressAllowed(from, to, port, protocol);
    }

    private boolean egressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
        if (!from.isPod() || !namespace.equals(from.namespace())) {
            return true;
        }
        return allowedBy(selecting(from, "Egress"), "egress", "to", to, port, protocol);
    }

    private boolean ingressAllowed(Endpoint from, Endpoint to, int port, String protocol) {
        if (!to.isPod() || !namespace.equals(to.namespace())) {
            return true;
        }
        return allowedBy(selecting(to, "Ingress"), "ingress", "from", from, port, protocol);
    }

    private List<JsonNode> selecting(Endpoint pod, String type) {
        return policies.stream()
                .filter(p -> matches(p.at("/spec/podSelector"), pod.labels()))
                .filter(p -> StreamSupport.of(p.at("/spec/policyTypes")).anyMatch(t -> t.asText().equals(type)))
                .toList();
    }

    private boolean allowedBy(List<JsonNode> selecting, String direction, String peers, Endpoint other, int port,
            String protocol) {
        if (selecting.isEmpty()) {
            return true;
        }
        for (JsonNode policy : selecting) {
            for (JsonNode rule : policy.at("/spec/" + direction)) {
                boolean peerOk = !rule.has(peers) || StreamSupport.of(rule.get(peers)).anyMatch(p -> peer(p, other));
                boolean portOk = !rule.has("ports") || StreamSupport.of(rule.get("ports"))
                        .anyMatch(p -> p.path("port").asInt() == port && p.path("protocol").asText("TCP").equals(protocol));
                if (peerOk && portOk) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean peer(JsonNode peer, Endpoint endpoint) {
        if (peer.has("ipBlock")) {
            return !endpoint.isPod() && inBlock(endpoint.address(), peer.get("ipBlock"));
        }
        if (!endpoint.isPod()) {
            return false;
        }
        boolean namespaceOk = peer.has("namespaceSelector")
                ? matches(peer.get("namespaceSelector"), Map.of("kubernetes.io/metadata.name", endpoint.namespace()))
                : namespace.equals(endpoint.namespace());
        return namespaceOk && (!peer.has("podSelector") || matches(peer.get("podSelector"), endpoint.labels()));
    }

    static boolean matches(JsonNode selector, Map<String, String> labels) {
        for (var entry : (Iterable<Map.Entry<String, JsonNode>>) () -> selector.path("matchLabels").fields()) {
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.get("key").asText());
            List<String> values = StreamSupport.of(expression.path("values")).map(JsonNode::asText).toList();
            boolean ok = switch (expression.get("operator").asText()) {
                case "In" -> values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("operator " + expression.get("operator"));
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean inBlock(String address, JsonNode block) {
        if (!inCidr(address, block.get("cidr").asText())) {
            return false;
        }
        return StreamSupport.of(block.path("except")).noneMatch(e -> inCidr(address, e.asText()));
    }

    private static boolean inCidr(String address, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        BigInteger mask = bits == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE).shiftRight(32 - bits).shiftLeft(32 - bits);
        return ipv4(address).and(mask).equals(ipv4(parts[0]).and(mask));
    }

    private static BigInteger ipv4(String address) {
        try {
            return new BigInteger(1, InetAddress.getByName(address).getAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }

    /** What Strimzi generates for a listener with networkPolicyPeers: its port, only from those peers. */
    private static List<JsonNode> strimziListenerPolicies(JsonNode kafka) {
        List<JsonNode> generated = new ArrayList<>();
        for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
            ObjectNode policy = Yaml.MAPPER.createObjectNode();
            policy.putObject("metadata").put("name", Rendered.name(kafka) + "-listener-" + listener.get("name").asText());
            ObjectNode spec = policy.putObject("spec");
            spec.putObject("podSelector").putObject("matchLabels")
                    .put("strimzi.io/cluster", Rendered.name(kafka)).put("strimzi.io/broker-role", "true");
            spec.putArray("policyTypes").add("Ingress");
            ObjectNode rule = spec.putArray("ingress").addObject();
            rule.putArray("ports").addObject().put("port", listener.get("port").asInt()).put("protocol", "TCP");
            if (listener.has("networkPolicyPeers")) {
                rule.set("from", listener.get("networkPolicyPeers"));
            }
            generated.add(policy);
        }
        return generated;
    }
}
