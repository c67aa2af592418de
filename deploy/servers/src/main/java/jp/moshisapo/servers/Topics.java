package jp.moshisapo.servers;

import java.util.List;
import java.util.Map;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.servers.KafkaServer.TopicSpec;

/**
 * The Kafka topics of the system, created by the local stack and the test resources the way the Strimzi
 * {@code KafkaTopic} resources in deploy/k8s create them in a cluster. The contracts are in docs/events/.
 */
public final class Topics {

    /** Code issued/revoked, key = printed code; compacted, so the latest state of every code is kept forever. */
    public static final TopicSpec FACILITY_CODES = new TopicSpec(Topic.FACILITY_CODES, 3, true);
    /** VisitRecorded, key = printed code; 7 days, daily segments (deploy/k8s/base/kafka/topics.yaml). */
    public static final TopicSpec CHECKIN_VISITS = new TopicSpec(Topic.CHECKIN_VISITS, 6, false,
            Map.of("retention.ms", "604800000", "segment.ms", "86400000"));
    /** Resident events (erasure requested, unreachable), key = the resident's pseudonym; as the visits. */
    public static final TopicSpec CHECKIN_RESIDENTS = new TopicSpec(Topic.CHECKIN_RESIDENTS, 3, false,
            Map.of("retention.ms", "604800000", "segment.ms", "86400000"));

    /**
     * checkin-service's own: webhook events accepted durably before they are processed, minimised and sealed,
     * key = the resident's pseudonym; 24 hours, hourly segments.
     */
    public static final TopicSpec CHECKIN_WEBHOOK_EVENTS = new TopicSpec(Topic.CHECKIN_WEBHOOK_EVENTS, 6, false,
            Map.of("retention.ms", "86400000", "segment.ms", "3600000"));

    public static final List<TopicSpec> ALL = List.of(FACILITY_CODES, CHECKIN_VISITS, CHECKIN_RESIDENTS,
            CHECKIN_WEBHOOK_EVENTS);

    private Topics() {
    }
}
