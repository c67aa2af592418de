package jp.moshisapo.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class KafkaClusterIdTest {

    /** One id in 64 would start with '-' if nothing prevented it, and the storage format then fails to start. */
    @Test
    void clusterIdsNeverLookLikeACommandLineOption() {
        for (int i = 0; i < 10_000; i++) {
            String id = KafkaServer.newClusterId();
            assertFalse(id.startsWith("-"), id);
            assertEquals(22, id.length(), id);
        }
    }
}
