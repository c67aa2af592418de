package jp.moshisapo.e2e.privacy;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import jp.moshisapo.servers.Wait;

/**
 * Waits until the services have processed everything on Kafka: every consumer group with members has committed
 * the end of every partition it reads. Committed offsets are read before the end offsets, so a record a service
 * published before committing its input (checkin-service's unit of work: publish, then commit) is already counted
 * in the end offsets compared with.
 */
public final class Quiescence {

    private Quiescence() {
    }

    public static void await(String bootstrapServers, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Wait.until("every service's consumer group to reach the end of its topics", timeout,
                    () -> caughtUp(admin));
        }
    }

    private static boolean caughtUp(Admin admin) {
        try {
            Collection<ConsumerGroupListing> listings = admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS);
            List<String> groups = listings.stream().map(ConsumerGroupListing::groupId).toList();
            Map<String, ConsumerGroupDescription> described = admin.describeConsumerGroups(groups).all()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, Long> committed = new HashMap<>();
            Map<String, Map<TopicPartition, Long>> byGroup = new HashMap<>();
            for (ConsumerGroupDescription group : described.values()) {
                if (group.members().isEmpty()) {
                    continue; // a group nobody runs any more (an earlier test's) is not a service at work
                }
                Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, Long> positions = new HashMap<>();
                offsets.forEach((tp, offset) -> {
                    if (offset != null) {
                        positions.put(tp, offset.offset());
                        committed.put(tp, 0L);
                    }
                });
                byGroup.put(group.groupId(), positions);
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            return byGroup.values().stream().allMatch(positions -> positions.entrySet().stream()
                    .allMatch(e -> e.getValue() >= ends.get(e.getKey()).offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception notYet) {
            return false;
        }
    }
}
