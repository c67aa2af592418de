package jp.moshisapo.servers;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points a Quarkus test at the shared real Kafka broker (topics of {@link Topics} created). */
public final class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedServers.kafka().bootstrapServers());
    }

    @Override
    public void stop() {
        // shared for the whole test JVM; stopped at exit
    }
}
