package jp.moshisapo.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The services' database and Kafka settings point at what the operators are asked to create: the
 * CloudNativePG cluster, database, role and its password Secret; the Strimzi listener, the service's own
 * KafkaUser and ACLs covering every topic the service's configuration names.
 */
class BackingServicesTest {

    private static final Pattern JDBC_URL = Pattern.compile(
            "jdbc:postgresql://([a-z0-9-]+)-rw:(\\d+)/([a-z0-9_]+)\\?(.*)");
    private static final Pattern CHANNEL_TOPIC = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.topic");
    /** Quarkus's own default pool size when a service sets none. */
    private static final int QUARKUS_DEFAULT_POOL = 20;
    /** Keycloak's default db-pool-max-size. */
    private static final int KEYCLOAK_DEFAULT_POOL = 100;

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void databaseSettingsNameTheServicesOwnDatabaseRoleAndSecret(String overlay, String service) {
        Rendered rendered = Overlays.render(overlay);
        Workload workload = Workload.of(rendered, service);
        Optional<String> prefix = databasePrefix(ServiceConfig.of(service));
        if (prefix.isEmpty()) {
            return;
        }
        String url = workload.env().get(prefix.get() + "_DB_URL");
        Matcher m = JDBC_URL.matcher(String.valueOf(url));
        assertTrue(m.matches(), service + ": " + prefix.get() + "_DB_URL is not a CloudNativePG rw service: " + url);
        JsonNode cluster = rendered.get("Cluster", m.group(1));
        assertEquals("5432", m.group(2));
        assertTrue(m.group(4).contains("sslmode=verify-full"), service + ": the database connection must verify TLS");
        JsonNode database = rendered.ofKind("Database")
                .filter(d -> d.at("/spec/name").asText().equals(m.group(3)))
                .filter(d -> d.at("/spec/cluster/name").asText().equals(Rendered.name(cluster)))
                .findFirst().orElseThrow(() -> new AssertionError("no Database " + m.group(3)));
        String owner = database.at("/spec/owner").asText();

        // The service runs as its runtime role, which must not be the owner (it could then disable the audit
        // log's triggers), and never sees the owner's Secret.
        String secret = workload.secretOf(prefix.get() + "_DB_PASSWORD").orElseThrow();
        assertEquals(Optional.of(secret), workload.secretOf(prefix.get() + "_DB_USER"),
                service + ": user and password from the same Secret");
        JsonNode runtime = roleWithSecret(cluster, secret);
        assertNotEquals(owner, runtime.path("name").asText(), service + ": the service's role owns its database");
        assertTrue(runtime.path("login").asBoolean() && !runtime.path("superuser").asBoolean(false),
                service + ": role " + runtime.path("name").asText() + " logs in and is no superuser");
        JsonNode ownerRole = role(cluster, owner);
        String ownerSecret = ownerRole.at("/passwordSecret/name").asText();
        assertTrue(workload.env().values().stream().noneMatch(v -> v.startsWith(Workload.SECRET_PREFIX + ownerSecret
                + "/")), service + ": the service's container must not get the owner's Secret " + ownerSecret);
        assertEquals("false", workload.env().get("QUARKUS_FLYWAY_MIGRATE_AT_START"),
                service + ": the service's container must not migrate");

        // The migrations run first, as the owner, in the initContainer.
        Workload migrate = Workload.init(rendered, service, "migrate")
                .orElseThrow(() -> new AssertionError(service + " has no initContainer migrate"));
        assertEquals(workload.container().path("image").asText(), migrate.container().path("image").asText());
        assertEquals("true", migrate.env().get("QUARKUS_INIT_AND_EXIT"));
        assertEquals(Optional.of(ownerSecret), migrate.secretOf(prefix.get() + "_DB_OWNER_USER"));
        assertEquals(Optional.of(ownerSecret), migrate.secretOf(prefix.get() + "_DB_OWNER_PASSWORD"));
        assertEquals(workload.env().get(prefix.get() + "_DB_USER"), migrate.env().get(prefix.get() + "_DB_USER"),
                service + ": the migrations grant to the role the service runs as");
        // The initContainer starts the same application, which validates all of its settings first: it needs every
        // variable the service's container has (a secret added to one list only stops the pod in Init:Error).
        List<String> missing = workload.env().keySet().stream()
                .filter(variable -> !variable.equals("QUARKUS_FLYWAY_MIGRATE_AT_START"))
                .filter(variable -> !workload.env().get(variable).equals(migrate.env().get(variable))).toList();
        assertEquals(List.of(), missing, service + ": the initContainer migrate lacks or differs in these variables");
        assertTrue(ownerRole.path("login").asBoolean() && !ownerRole.path("superuser").asBoolean(false),
                service + ": role " + owner + " logs in and is no superuser");
        String caSecret = Rendered.name(cluster) + "-ca";
        assertTrue(workload.deployment().at("/spec/template/spec/volumes").findValuesAsText("secretName")
                .contains(caSecret), service + " mounts the cluster CA " + caSecret + " for verify-full");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"production"})
    void connectionPoolsAtFullScaleFitTheRoleConnectionLimits(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        List<String> problems = new ArrayList<>();
        for (String service : Services.ALL) {
            ServiceConfig config = ServiceConfig.of(service);
            Optional<String> prefix = databasePrefix(config);
            if (prefix.isEmpty()) {
                continue;
            }
            Workload workload = Workload.of(rendered, service);
            int pool = config.valueIn("quarkus.datasource.jdbc.max-size", workload.env()).map(Integer::parseInt)
                    .orElse(QUARKUS_DEFAULT_POOL);
            int maxReplicas = rendered.get("HorizontalPodAutoscaler", service).at("/spec/maxReplicas").asInt();
            String url = workload.env().get(prefix.get() + "_DB_URL");
            Matcher m = JDBC_URL.matcher(url);
            assertTrue(m.matches(), url);
            JsonNode cluster = rendered.get("Cluster", m.group(1));
            String secret = workload.secretOf(prefix.get() + "_DB_USER").orElseThrow();
            int limit = roleWithSecret(cluster, secret).path("connectionLimit").asInt(-1);
            if (limit < pool * maxReplicas) {
                problems.add(service + ": " + maxReplicas + " pods x pool " + pool + " > connection limit " + limit);
            }
        }
        for (JsonNode keycloak : rendered.ofKind("Keycloak").toList()) {
            JsonNode db = keycloak.at("/spec/db");
            JsonNode cluster = rendered.get("Cluster", db.path("host").asText().replaceAll("-rw$", ""));
            String owner = rendered.ofKind("Database").filter(d -> d.at("/spec/name").asText()
                    .equals(db.path("database").asText())).findFirst().orElseThrow().at("/spec/owner").asText();
            int connections = keycloak.at("/spec/instances").asInt(1) * db.path("poolMaxSize").asInt(KEYCLOAK_DEFAULT_POOL);
            int limit = role(cluster, owner).path("connectionLimit").asInt(-1);
            if (limit < connections) {
                problems.add("keycloak: " + connections + " pooled connections > connection limit " + limit);
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "production"})
    void databaseConnectionLimitsFitThePostgresMaximum(String overlay) {
        for (JsonNode cluster : Overlays.render(overlay).ofKind("Cluster").toList()) {
            int max = Integer.parseInt(cluster.at("/spec/postgresql/parameters/max_connections").asText());
            int sum = 0;
            for (JsonNode role : cluster.at("/spec/managed/roles")) {
                sum += role.path("connectionLimit").asInt();
            }
            assertTrue(sum < max, Rendered.name(cluster) + ": role limits " + sum + " must leave room below "
                    + "max_connections " + max + " for the operator and replication");
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void kafkaSettingsNameTheTlsScramListenerAndTheServicesOwnUser(String overlay, String service) {
        Rendered rendered = Overlays.render(overlay);
        if (!ServiceConfig.of(service).reads("KAFKA_BOOTSTRAP_SERVERS")) {
            return;
        }
        Workload workload = Workload.of(rendered, service);
        JsonNode kafka = rendered.ofKind("Kafka").findFirst().orElseThrow();
        JsonNode listener = StreamSupport.of(kafka.at("/spec/kafka/listeners"))
                .filter(l -> l.path("tls").asBoolean())
                .filter(l -> l.at("/authentication/type").asText().equals("scram-sha-512"))
                .findFirst().orElseThrow(() -> new AssertionError("no TLS + SCRAM listener"));
        assertEquals(Rendered.name(kafka) + "-kafka-bootstrap:" + listener.get("port").asInt(),
                workload.env().get("KAFKA_BOOTSTRAP_SERVERS"), service + " bootstrap address");
        assertEquals("SASL_SSL", workload.env().get("KAFKA_SECURITY_PROTOCOL"));
        assertEquals("SCRAM-SHA-512", workload.env().get("KAFKA_SASL_MECHANISM"));
        assertEquals(Optional.of(Rendered.name(kafka) + "-cluster-ca-cert"),
                workload.secretOf("KAFKA_SSL_TRUSTSTORE_CERTIFICATES"), service + " trusts the cluster CA");
        assertEquals(Optional.of(service), workload.secretOf("KAFKA_SASL_JAAS_CONFIG"),
                service + " signs in as its own KafkaUser");
        JsonNode user = rendered.get("KafkaUser", service);
        assertEquals("scram-sha-512", user.at("/spec/authentication/type").asText());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("jp.moshisapo.k8s.Cases#overlaysAndServices")
    void kafkaAclsCoverEveryTopicTheServiceConsumesOrProduces(String overlay, String service) {
        Rendered rendered = Overlays.render(overlay);
        ServiceConfig config = ServiceConfig.of(service);
        List<String> problems = new ArrayList<>();
        config.properties().forEach((key, topic) -> {
            Matcher m = CHANNEL_TOPIC.matcher(key);
            if (!m.matches()) {
                return;
            }
            boolean incoming = m.group(1).equals("incoming");
            if (rendered.find("KafkaTopic", topic).isEmpty()) {
                problems.add("topic " + topic + " has no KafkaTopic");
            }
            if (!allowed(rendered, service, "topic", topic, incoming ? "Read" : "Write")) {
                problems.add((incoming ? "Read " : "Write ") + topic);
            }
            if (incoming) {
                String group = config.property("mp.messaging.incoming." + m.group(2) + ".group.id")
                        .or(() -> config.property("quarkus.application.name")).orElse(service);
                if (!allowed(rendered, service, "group", group, "Read")) {
                    problems.add("Read group " + group);
                }
            }
        });
        assertEquals(List.of(), problems, service + " in " + overlay + ": missing Kafka ACLs or topics");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"local", "production"})
    void everyTopicOfTheEventContractsAndEveryAclTopicExists(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        Set<String> topics = rendered.ofKind("KafkaTopic").map(Rendered::name).collect(Collectors.toSet());
        JsonNode asyncapi = Yaml.readOne(Repo.docs("events/asyncapi.yaml"));
        Set<String> contracts = new TreeSet<>(asyncapi.path("channels").findValuesAsText("address"));
        assertTrue(topics.containsAll(contracts), "KafkaTopics " + topics + " must include " + contracts);
        Set<String> aclTopics = new LinkedHashSet<>();
        rendered.ofKind("KafkaUser").forEach(u -> u.at("/spec/authorization/acls").forEach(acl -> {
            if (acl.at("/resource/type").asText().equals("topic")) {
                aclTopics.add(acl.at("/resource/name").asText());
            }
        }));
        assertTrue(topics.containsAll(aclTopics), "ACLs name topics that do not exist: " + aclTopics);
        rendered.ofKind("KafkaTopic").forEach(t -> {
            JsonNode topicConfig = t.at("/spec/config");
            boolean compacted = topicConfig.path("cleanup.policy").asText().equals("compact");
            assertTrue(compacted || topicConfig.has("retention.ms"),
                    Rendered.name(t) + " states its retention (or is compacted)");
        });
    }

    private static boolean allowed(Rendered rendered, String user, String type, String name, String operation) {
        return rendered.find("KafkaUser", user).stream()
                .flatMap(u -> StreamSupport.of(u.at("/spec/authorization/acls")))
                .filter(acl -> !acl.path("type").asText("allow").equals("deny"))
                .filter(acl -> acl.at("/resource/type").asText().equals(type))
                .filter(acl -> acl.at("/resource/patternType").asText("literal").equals("prefix")
                        ? name.startsWith(acl.at("/resource/name").asText())
                        : name.equals(acl.at("/resource/name").asText()))
                .anyMatch(acl -> StreamSupport.of(acl.path("operations"))
                        .anyMatch(o -> o.asText().equals(operation) || o.asText().equals("All")));
    }

    /** FACILITY for {@code ${FACILITY_DB_URL:...}}: the prefix of the service's database variables. */
    private static Optional<String> databasePrefix(ServiceConfig config) {
        return config.envVarOf("quarkus.datasource.jdbc.url").map(v -> v.substring(0, v.length() - "_DB_URL".length()));
    }

    private static JsonNode roleWithSecret(JsonNode cluster, String secret) {
        return StreamSupport.of(cluster.at("/spec/managed/roles"))
                .filter(r -> r.at("/passwordSecret/name").asText().equals(secret)).findFirst()
                .orElseThrow(() -> new AssertionError(Rendered.name(cluster) + " manages no role with Secret "
                        + secret));
    }

    private static JsonNode role(JsonNode cluster, String name) {
        return StreamSupport.of(cluster.at("/spec/managed/roles"))
                .filter(r -> r.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(Rendered.name(cluster) + " manages no role " + name));
    }
}
