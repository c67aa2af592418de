package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.webhook.WebhookResult;
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
    private final LineSimulator line = TestStack.line();
    private final KafkaServer kafka = TestStack.get().kafka().orElseThrow();
    private final AtomicInteger refusedDuringOutage = new AtomicInteger();

    @Test
    void checkInsAcrossABrokerOutageAreStoredExactlyOnce() throws Exception {
        String code = registerVenue();
        String checkinUrl = gateway + "/c/" + code.replace("-", "");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            run(pool, residents("before", checkinUrl));

            kafka.stop();
            long outageStarted = System.nanoTime();
            List<Future<?>> during = submit(pool, residents("during", checkinUrl));
            Wait.until("a webhook refused while the broker is down, and the outage's 20 s", OUTAGE.plusSeconds(60),
                    () -> refusedDuringOutage.get() > 0 && System.nanoTime() - outageStarted > OUTAGE.toNanos());
            kafka.restart();
            for (Future<?> future : during) {
                future.get();
            }

            run(pool, residents("after", checkinUrl));
        } finally {
            pool.shutdownNow();
        }

        int checkIns = 3 * PER_PHASE;
        Staff staff = Staff.of("staff2");
        long caseId = staff.openCase(code, LocalDate.now(ZoneId.of("Asia/Tokyo")), "kafka outage drill");
        var preview = staff.awaitPreviewVisits(caseId, checkIns, Duration.ofMinutes(2));
        assertEquals(checkIns, preview.path("visits").asInt(), "every acknowledged check-in once: " + preview);
        assertEquals(checkIns, preview.path("residents").asInt(), preview.toString());
        assertTrue(refusedDuringOutage.get() > 0, "the outage was real: some webhooks were refused");
    }

    private String registerVenue() {
        Http.Answer registered = Http.post(gateway + "/api/facilities", null, Map.ofEntries(
                Map.entry("businessType", "FOOD_SERVICE"), Map.entry("scale", "UP_TO_50"),
                Map.entry("name", "停電テスト食堂"), Map.entry("postalCode", "0208570"),
                Map.entry("address1", "岩手県盛岡市内丸10-1"), Map.entry("address2", ""),
                Map.entry("phone", "019-629-5487"), Map.entry("email", "drill@example.com"),
                Map.entry("termsAccepted", true), Map.entry("receiveNotices", false),
                Map.entry("rooms", List.of("客席"))));
        assertEquals(201, registered.status(), String.valueOf(registered.body()));
        return registered.json().get("rooms").get(0).get("code").asText();
    }

    private List<Runnable> residents(String phase, String checkinUrl) {
        return IntStream.range(0, PER_PHASE)
                .mapToObj(i -> LineSimulator.userIdFor("outage-" + phase + "-" + i))
                .<Runnable>map(userId -> () -> checkIn(userId, checkinUrl))
                .toList();
    }

    private void checkIn(String userId, String checkinUrl) {
        deliver(() -> line.follow(userId));
        deliver(() -> line.scan(userId, java.net.URI.create(checkinUrl)));
        Wait.until("the consent prompt", Duration.ofMinutes(2), () ->
                line.inbox(userId).stream().anyMatch(m -> m.actionLabels().contains("同意する")));
        deliver(() -> line.tap(userId, "同意する"));
        Wait.until("the completion message", Duration.ofMinutes(2), () ->
                line.inbox(userId).stream().anyMatch(m -> m.text().contains("LINEメッセージでお知らせします")));
    }

    /** Sends an event; when the webhook refuses it, redelivers it the way LINE does until it is accepted. */
    private void deliver(Supplier<WebhookResult> send) {
        WebhookResult first = send.get();
        if (first.status() == 200) {
            return;
        }
        refusedDuringOutage.incrementAndGet();
        Wait.until("LINE's redelivery of " + first.webhookEventId() + " to be accepted", Duration.ofMinutes(3),
                () -> line.redeliver(first.webhookEventId()).status() == 200);
    }

    private static void run(ExecutorService pool, List<Runnable> tasks) throws Exception {
        for (Future<?> future : submit(pool, tasks)) {
            future.get();
        }
    }

    private static List<Future<?>> submit(ExecutorService pool, List<Runnable> tasks) {
        List<Future<?>> futures = new ArrayList<>();
        tasks.forEach(task -> futures.add(pool.submit(task)));
        return futures;
    }
}
