package jp.moshisapo.servers;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * One ALLOW rule of a secure {@link KafkaServer}: user {@code User:<user>} may do {@code operations} on the
 * resources matching {@code resourceName} (literally or as a prefix), from any host, as a Strimzi
 * {@code KafkaUser}'s {@code spec.authorization.acls} entry grants it.
 */
public record KafkaAcl(String user, ResourceType resourceType, String resourceName, PatternType patternType,
        Set<AclOperation> operations) {

    public KafkaAcl {
        if (patternType != PatternType.LITERAL && patternType != PatternType.PREFIXED) {
            throw new IllegalArgumentException("pattern must be LITERAL or PREFIXED: " + patternType);
        }
        operations = Set.copyOf(operations);
    }

    /** {@code operations} on the topic named exactly {@code topic}. */
    public static KafkaAcl topic(String user, String topic, AclOperation... operations) {
        return new KafkaAcl(user, ResourceType.TOPIC, topic, PatternType.LITERAL, Set.of(operations));
    }

    /** {@code operations} on the consumer group named exactly {@code group}. */
    public static KafkaAcl group(String user, String group, AclOperation... operations) {
        return new KafkaAcl(user, ResourceType.GROUP, group, PatternType.LITERAL, Set.of(operations));
    }

    /**
     * An ACL in Strimzi's spelling, as a {@code KafkaUser} manifest writes it: type {@code topic}, {@code group},
     * {@code transactionalId} or {@code cluster}; pattern {@code literal} or {@code prefix}; operations such as
     * {@code Read}, {@code Write}, {@code Describe}, {@code IdempotentWrite}, {@code All}.
     */
    public static KafkaAcl parse(String user, String type, String name, String patternType, List<String> operations) {
        PatternType pattern = switch (normalise(patternType == null ? "literal" : patternType)) {
            case "LITERAL" -> PatternType.LITERAL;
            case "PREFIX", "PREFIXED" -> PatternType.PREFIXED;
            default -> throw new IllegalArgumentException("unknown ACL pattern type: " + patternType);
        };
        ResourceType resource = Stream.of(ResourceType.TOPIC, ResourceType.GROUP, ResourceType.TRANSACTIONAL_ID,
                        ResourceType.CLUSTER)
                .filter(t -> normalise(t.name()).equals(normalise(type)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown ACL resource type: " + type));
        String resourceName = resource == ResourceType.CLUSTER ? "kafka-cluster" : name;
        Set<AclOperation> ops = new java.util.HashSet<>();
        for (String operation : operations) {
            ops.add(Stream.of(AclOperation.values())
                    .filter(op -> op != AclOperation.ANY && op != AclOperation.UNKNOWN)
                    .filter(op -> normalise(op.name()).equals(normalise(operation)))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown ACL operation: " + operation)));
        }
        return new KafkaAcl(user, resource, resourceName, pattern, ops);
    }

    /** The bindings Admin.createAcls takes: one per operation. */
    public List<AclBinding> toBindings() {
        ResourcePattern pattern = new ResourcePattern(resourceType, resourceName, patternType);
        return operations.stream()
                .map(op -> new AclBinding(pattern,
                        new AccessControlEntry("User:" + user, "*", op, AclPermissionType.ALLOW)))
                .toList();
    }

    private static String normalise(String name) {
        return name.replace("_", "").replace("-", "").toUpperCase(Locale.ROOT);
    }
}
