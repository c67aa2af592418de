package jp.moshisapo.checkin;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.linesim.webhook.WebhookResult;

/**
 * One resident's LINE chat with the official account, through the simulator: each action posts a signed webhook
 * (which must be answered 200) and waits for the replies it brings. Every test gets new residents, so tests
 * sharing the broker and the simulator never see each other's messages.
 */
public final class Chat {

    private final LineSimulator sim;
    private final String userId;
    private WebhookResult last;

    public Chat(LineSimulator sim, String name) {
        this.sim = sim;
        this.userId = LineSimulator.userIdFor(name + "-" + UUID.randomUUID());
    }

    /**
     * Points the simulator's webhook at the app under test. The functional tests run on a shared, busy build
     * machine, so they give the webhook 10 s instead of LINE's 2 s; the 2 s budget is what the benchmark measures.
     */
    public static void connect(LineSimulator sim, URI webhook) {
        sim.reconfigure(config -> config.withWebhookUrl(webhook).withWebhookTimeout(Duration.ofSeconds(10)));
    }

    public String userId() {
        return userId;
    }

    /** The webhook result of the last action (its webhookEventId, for redelivery). */
    public WebhookResult last() {
        return last;
    }

    public List<InboxMessage> follow(int expectedMessages) {
        return act(() -> sim.follow(userId), expectedMessages);
    }

    public List<InboxMessage> say(String text, int expectedMessages) {
        return act(() -> sim.sendText(userId, text), expectedMessages);
    }

    /** Taps the button with this label in the newest message that has one. */
    public List<InboxMessage> tap(String label, int expectedMessages) {
        return act(() -> sim.tap(userId, label), expectedMessages);
    }

    public List<InboxMessage> postback(String data, int expectedMessages) {
        return act(() -> sim.postback(userId, data), expectedMessages);
    }

    /** Moves the resident's clock: the timestamps LINE puts on their next events are shifted by {@code offset}. */
    public void shiftClock(Duration offset) {
        sim.setClockOffset(userId, offset);
    }

    public List<InboxMessage> inbox() {
        return sim.inbox(userId);
    }

    private List<InboxMessage> act(Supplier<WebhookResult> action, int expectedMessages) {
        int before = sim.inboxSize(userId);
        last = action.get();
        assertEquals(200, last.status(), "the webhook must accept the event");
        if (expectedMessages == 0) {
            return List.of();
        }
        return await(expectedMessages + " new message(s) for the resident").atMost(Duration.ofSeconds(20))
                .until(() -> {
            List<InboxMessage> inbox = sim.inbox(userId);
            return inbox.size() >= before + expectedMessages ? inbox.subList(before, inbox.size()) : null;
        }, notNullValue());
    }

    /** The text the resident reads in each message. */
    public static List<String> texts(List<InboxMessage> messages) {
        return messages.stream().map(InboxMessage::text).toList();
    }
}
