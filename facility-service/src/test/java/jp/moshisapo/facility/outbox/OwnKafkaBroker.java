package jp.moshisapo.facility.outbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import jp.moshisapo.servers.KafkaServer;
import jp.moshisapo.servers.Topics;

/** A Kafka broker of this test class alone, so the test may stop and restart it without disturbing others. */
public final class OwnKafkaBroker implements QuarkusTestResourceLifecycleManager {

    private static KafkaServer server;

    static KafkaServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = KafkaServer.start();
        server.createTopics(Topics.ALL);
        return Map.of("kafka.bootstrap.servers", server.bootstrapServers());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
