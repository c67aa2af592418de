package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jp.moshisapo.servers.KafkaServer;
import jp.moshisapo.servers.Wait;
import org.junit.jupiter.api.Test;

/**
 * The broker goes away for 20 s in the middle of a check-in burst. Webhooks that could not be made durable are
 * refused (LINE redelivers them, here the simulator does it as LINE would); afterwards every check-in is in the
 * visit store exactly once.
 */
class KafkaOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(20);
    private static final int PER_PHASE = 20;

    private final String gateway = TestStack.gateway();
    private final KafkaServer kafka = TestStack.get().kafka().orElseThrow();
    private final CheckIns checkIns = new CheckIns();

    @Test
    void checkInsAcrossABrokerOutageAreStoredExactlyOnce() throws Exception {
        String code = Venue.register("停電テスト食堂", "客席").code();
        URI checkinUrl = URI.create(gateway + "/c/" + Venue.canonical(code));
        Crowd.Resident resident = userId -> checkIns.checkIn(userId, checkinUrl);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Crowd.run(pool, "before", PER_PHASE, resident);
            int refusedBefore = checkIns.refused();

            kafka.stop();
            long outageStarted = System.nanoTime();
            List<Future<?>> during = Crowd.start(pool, "during", PER_PHASE, resident);
            Wait.until("a webhook refused while the broker is down, and the outage's 20 s", OUTAGE.plusSeconds(60),
                    () -> checkIns.refused() > refusedBefore && System.nanoTime() - outageStarted > OUTAGE.toNanos());
            kafka.restart();
            Crowd.await(during);

            Crowd.run(pool, "after", PER_PHASE, resident);
        } finally {
            pool.shutdownNow();
        }

        int acknowledged = 3 * PER_PHASE;
        Staff staff = Staff.of("staff2");
        long caseId = staff.openCase(code, LocalDate.now(ZoneId.of("Asia/Tokyo")), "kafka outage drill");
        var preview = staff.awaitPreviewVisits(caseId, acknowledged, Duration.ofMinutes(2));
        assertEquals(acknowledged, preview.path("visits").asInt(), "every acknowledged check-in once: " + preview);
        assertEquals(acknowledged, preview.path("residents").asInt(), preview.toString());
    }
}
