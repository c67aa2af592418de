package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.servers.Wait;
import jp.moshisapo.stack.App;
import org.junit.jupiter.api.Test;

/**
 * One poison event among 10,000 check-ins, through LINE, the gateway, checkin-service, Kafka and
 * notification-service: the event that fails on its own every time is parked, its partition moves on, and every
 * other resident's visit is stored exactly once and found by a case's preview.
 */
class PoisonCheckInIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int CHECK_INS = 10_000;
    private static final Pattern PARKED = Pattern.compile("(?m)^moshisapo_checkin_events_parked_total(\\{[^}]*})? (\\S+)");

    private final LineSimulator line = TestStack.line();
    private final CheckIns checkIns = new CheckIns(line);
    private final Staff staff = Staff.of("staff1");

    @Test
    void aPoisonEventAmong10000CheckInsIsParkedAndEveryOtherVisitIsStoredOnce() throws Exception {
        Venue venue = Venue.register("総合体育館（障害訓練）", "メインアリーナ");
        String canonical = Venue.canonical(venue.code());
        URI checkinUrl = URI.create(TestStack.gateway() + "/c/" + canonical);
        String prefix = "poison-" + UUID.randomUUID();
        // The first resident scans the poster as people do, until checkin-service knows the new venue's code.
        String first = LineSimulator.userIdFor(prefix + "-0");
        checkIns.checkInAtNewVenue(first, checkinUrl, Duration.ofMinutes(3));
        double parkedBefore = parked();

        // The others tap 同意する on a consent prompt of a scan a moment ago; one button carries a scan time no
        // database can store (a year of eight digits): the event parses, and the visit's INSERT fails every time.
        String poisoned = LineSimulator.userIdFor(prefix + "-poisoned");
        List<String> residents = new ArrayList<>(List.of(first));
        ExecutorService phones = Executors.newFixedThreadPool(8);
        List<Future<?>> taps = new ArrayList<>();
        for (int i = 1; i < CHECK_INS; i++) {
            String user = i == CHECK_INS / 2 ? poisoned : LineSimulator.userIdFor(prefix + "-" + i);
            long scannedAt = user.equals(poisoned) ? 900_000_000_000_000_000L : Instant.now().toEpochMilli();
            if (!user.equals(poisoned)) {
                residents.add(user);
            }
            String data = "consent=yes&code=" + canonical + "&scannedAt=" + scannedAt;
            taps.add(phones.submit(() -> checkIns.deliver(() -> line.postback(user, data))));
        }
        for (Future<?> tap : taps) {
            tap.get(5, TimeUnit.MINUTES);
        }
        phones.shutdown();

        Wait.until("checkin-service to park the poison event", Duration.ofMinutes(2), () -> parked() > parkedBefore);
        Wait.until("every other resident's completion message", Duration.ofMinutes(3), () -> residents.stream()
                .allMatch(user -> line.inbox(user).stream().anyMatch(m -> m.text().contains(CheckIns.COMPLETION))));
        assertTrue(line.inbox(poisoned).stream().noneMatch(m -> m.text().contains(CheckIns.COMPLETION)),
                "the parked event recorded nothing");

        LocalDate today = Instant.now().atZone(TOKYO).toLocalDate();
        long caseId = staff.openCase(venue.code(), today, "poison drill");
        JsonNode preview = staff.awaitPreviewVisits(caseId, CHECK_INS - 1, Duration.ofMinutes(3));
        assertEquals(CHECK_INS - 1, preview.path("visits").asInt(), "every other visit stored once: " + preview);
        assertEquals(CHECK_INS - 1, preview.path("residents").asInt(), preview.toString());
        assertEquals(parkedBefore + 1, parked(), "exactly one event parked");
        staff.post("/admin/cases/" + caseId + "/cancel", null);
    }

    /** checkin-service's count of parked events, from its management port as Prometheus reads it. */
    private static double parked() {
        String scrape;
        try {
            scrape = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    TestStack.get().ports().managementUrl(App.CHECKIN) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Matcher m = PARKED.matcher(scrape);
        return m.find() ? Double.parseDouble(m.group(2)) : 0;
    }
}
