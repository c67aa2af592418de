package jp.moshisapo.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.linesim.resident.ResidentActionException;
import jp.moshisapo.linesim.webhook.WebhookResult;
import jp.moshisapo.servers.Wait;

/**
 * Residents checking in through LINE as the simulator plays them (follow, scan the poster's URL, 同意する), with
 * LINE's redelivery of any webhook the system refused. A check-in counts once the resident has the completion
 * message: that is the acknowledgement the system owes them.
 */
final class CheckIns {

    static final String COMPLETION = "LINEメッセージでお知らせします";

    private final LineSimulator line;
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger failedScans = new AtomicInteger();

    CheckIns() {
        this(TestStack.line());
    }

    CheckIns(LineSimulator line) {
        this.line = line;
    }

    /** Scans that did not lead into LINE (the resident scanned again). */
    int failedScans() {
        return failedScans.get();
    }

    /** Webhooks the system refused (then redelivered until accepted). */
    int refused() {
        return refused.get();
    }

    void checkIn(String userId, URI checkinUrl) {
        deliver(() -> line.follow(userId));
        Wait.until("the poster's link to lead into LINE", Duration.ofMinutes(3), () -> scan(userId, checkinUrl));
        Wait.until("the consent prompt", Duration.ofMinutes(3), () ->
                line.inbox(userId).stream().anyMatch(m -> m.actionLabels().contains("同意する")));
        deliver(() -> line.tap(userId, "同意する"));
        Wait.until("the completion message", Duration.ofMinutes(3), () ->
                line.inbox(userId).stream().anyMatch(m -> m.text().contains(COMPLETION)));
    }

    /**
     * A check-in at a venue registered a moment ago: its code may not have reached checkin-service yet, and a
     * resident told 「このQRコードは登録されていません」 scans again, until {@code patience} runs out.
     */
    void checkInAtNewVenue(String userId, URI checkinUrl, Duration patience) {
        deliver(() -> line.follow(userId));
        Wait.until("checkin-service to know the venue's code (the resident scans again)", patience, () -> {
            int before = line.inbox(userId).size();
            if (!scan(userId, checkinUrl)) {
                return false;
            }
            Wait.until("a reply to the scan", Duration.ofSeconds(30), () -> line.inbox(userId).size() > before);
            return line.inbox(userId).stream().anyMatch(m -> m.actionLabels().contains("同意する"));
        });
        deliver(() -> line.tap(userId, "同意する"));
        Wait.until("the completion message", Duration.ofMinutes(3), () ->
                line.inbox(userId).stream().anyMatch(m -> m.text().contains(COMPLETION)));
    }

    /**
     * {@link #checkInAtNewVenue} for a resident whose chat already holds a consent prompt and a completion message
     * (a second venue): each step waits for a new message, so an earlier one cannot stand in for it.
     */
    void checkInOnceMore(String userId, URI checkinUrl, Duration patience) {
        deliver(() -> line.follow(userId));
        long completions = completions(userId);
        Wait.until("checkin-service to know the venue's code (the resident scans again)", patience, () -> {
            int before = line.inbox(userId).size();
            if (!scan(userId, checkinUrl)) {
                return false;
            }
            Wait.until("a reply to the scan", Duration.ofSeconds(30), () -> line.inbox(userId).size() > before);
            List<InboxMessage> inbox = line.inbox(userId);
            return inbox.subList(before, inbox.size()).stream().anyMatch(m -> m.actionLabels().contains("同意する"));
        });
        deliver(() -> line.tap(userId, "同意する"));
        Wait.until("a new completion message", Duration.ofMinutes(3), () -> completions(userId) > completions);
    }

    private long completions(String userId) {
        return line.inbox(userId).stream().filter(m -> m.text().contains(COMPLETION)).count();
    }

    /** A resident whose scan shows an error page instead of opening LINE scans again, as people do. */
    boolean scan(String userId, URI checkinUrl) {
        try {
            deliver(() -> line.scan(userId, checkinUrl));
            return true;
        } catch (ResidentActionException notRedirected) {
            failedScans.incrementAndGet();
            return false;
        }
    }

    /** Sends an event; when the webhook refuses it, redelivers it the way LINE does until it is accepted. */
    void deliver(Supplier<WebhookResult> send) {
        WebhookResult first = send.get();
        if (first.ok()) {
            return;
        }
        refused.incrementAndGet();
        Wait.until("LINE's redelivery of " + first.webhookEventId() + " to be accepted", Duration.ofMinutes(3),
                () -> line.redeliver(first.webhookEventId()).ok());
    }
}
