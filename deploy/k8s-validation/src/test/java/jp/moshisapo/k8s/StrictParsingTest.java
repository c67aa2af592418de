package jp.moshisapo.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.k8s.strict.BuiltInKinds;
import jp.moshisapo.k8s.strict.CustomResources;
import jp.moshisapo.k8s.strict.Realms;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every rendered object parses strictly: built-in kinds with the fabric8 Kubernetes model (unknown or
 * mistyped fields fail), custom resources against the sanity schemas, the realm with Keycloak's classes.
 */
class StrictParsingTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyRenderedObjectParsesStrictly(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (JsonNode object : rendered.objects()) {
            problemsOf(object).forEach(p -> problems.add(Rendered.describe(object) + " " + p));
        }
        assertEquals(List.of(), problems, rendered + " has objects the API server would prune or refuse");
    }

    @Test
    void misspeltDeploymentFieldIsCaught() {
        ObjectNode deployment = Overlays.render("local").get("Deployment", "gateway").deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).set("livenesProbe",
                deployment.at("/spec/template/spec/containers/0/livenessProbe"));
        List<String> problems = problemsOf(deployment);
        assertTrue(problems.stream().anyMatch(p -> p.contains("livenesProbe")), problems.toString());
    }

    @Test
    void numberWhereKubernetesWantsTextIsCaught() {
        ObjectNode configMap = Overlays.render("local").get("ConfigMap", "moshisapo-common").deepCopy();
        ((ObjectNode) configMap.get("data")).put("JAVA_MAX_MEM_RATIO", 60);
        List<String> problems = problemsOf(configMap);
        assertTrue(problems.stream().anyMatch(p -> p.contains("JAVA_MAX_MEM_RATIO")), problems.toString());
    }

    @Test
    void misspeltCustomResourceFieldIsCaught() {
        ObjectNode kafka = Overlays.render("local").get("Kafka", "moshisapo").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka")).put("replica", 3);
        List<String> problems = problemsOf(kafka);
        assertTrue(problems.stream().anyMatch(p -> p.contains("replica")), problems.toString());
    }

    @Test
    void valueOutsideWhatTheOperatorAcceptsIsCaught() {
        ObjectNode user = Overlays.render("local").get("KafkaUser", "checkin-service").deepCopy();
        ((ObjectNode) user.at("/spec/authorization/acls/0")).putArray("operations").add("Reed");
        assertTrue(!problemsOf(user).isEmpty(), "an ACL operation Kafka does not know must fail");
    }

    @Test
    void misspeltRealmFieldIsCaught() {
        ObjectNode realmImport = Overlays.render("production").get("KeycloakRealmImport", "moshisapo").deepCopy();
        ((ObjectNode) realmImport.at("/spec/realm/clients/0")).put("publicClients", true);
        List<String> problems = problemsOf(realmImport);
        assertTrue(problems.stream().anyMatch(p -> p.contains("publicClients")), problems.toString());
    }

    @Test
    void customResourceKindWithoutSchemaIsReported() {
        ObjectNode unknown = Yaml.MAPPER.createObjectNode();
        unknown.put("apiVersion", "example.org/v1").put("kind", "Widget").putObject("metadata").put("name", "w");
        assertEquals(List.of("no sanity schema for this kind: add deploy/k8s-validation/src/test/resources"
                + "/crd-schemas/example.org_v1_Widget.yaml"), problemsOf(unknown));
    }

    private static List<String> problemsOf(JsonNode object) {
        if (BuiltInKinds.modelClass(object).isPresent()) {
            return BuiltInKinds.problems(object);
        }
        List<String> problems = new ArrayList<>(CustomResources.problems(object));
        if (object.path("kind").asText().equals("KeycloakRealmImport")) {
            Realms.problems(object.at("/spec/realm")).forEach(p -> problems.add("realm: " + p));
        }
        return problems;
    }
}
