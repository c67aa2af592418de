package jp.moshisapo.servers;

import java.util.List;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.servers.KafkaServer.TopicSpec;

/**
 * The Kafka topics of the system, created by the local stack and the test resources the way the Strimzi
 * {@code KafkaTopic} resources in deploy/k8s create them in a cluster. The contracts are in docs/events/.
 */
public final class Topics {

    /** Code issued/revoked, key = printed code; compacted, so the latest state of every code is kept forever. */
    public static final TopicSpec FACILITY_CODES = new TopicSpec(Topic.FACILITY_CODES, 3, true);
    /** VisitRecorded, key = printed code. */
    public static final TopicSpec CHECKIN_VISITS = new TopicSpec(Topic.CHECKIN_VISITS, 6, false);
    /** Resident events (erasure requested, unreachable), key = pseudonymous resident key. */
    public static final TopicSpec CHECKIN_RESIDENTS = new TopicSpec(Topic.CHECKIN_RESIDENTS, 3, false);

    /** checkin-service's own: webhook events accepted durably before they are processed, key = LINE user id. */
    public static final TopicSpec CHECKIN_WEBHOOK_EVENTS = new TopicSpec("checkin.webhook-events.v1", 6, false);

    public static final List<TopicSpec> ALL = List.of(FACILITY_CODES, CHECKIN_VISITS, CHECKIN_RESIDENTS,
            CHECKIN_WEBHOOK_EVENTS);

    private Topics() {
    }
}
