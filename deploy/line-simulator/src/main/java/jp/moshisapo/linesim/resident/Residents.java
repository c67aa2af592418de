package jp.moshisapo.linesim.resident;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.moshisapo.linesim.LineIds;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.linesim.inbox.Friendships;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.linesim.inbox.Inboxes;
import jp.moshisapo.linesim.inbox.ResidentLine;
import jp.moshisapo.linesim.messaging.ReplyTokens;
import jp.moshisapo.linesim.webhook.SignedWebhook;
import jp.moshisapo.linesim.webhook.WebhookEvents;
import jp.moshisapo.linesim.webhook.WebhookResult;
import jp.moshisapo.linesim.webhook.WebhookSender;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** What a resident does in the LINE app, turned into the webhook events LINE would send for it. */
public final class Residents {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_TEXT_LENGTH = 5000;

    private final Supplier<LineSimulatorConfig> config;
    private final Friendships friendships;
    private final Inboxes inboxes;
    private final ReplyTokens replyTokens;
    private final WebhookSender sender;
    /** Per-resident shift of event timestamps, so tests can record visits on other days. */
    private final Map<String, Duration> clockOffsets = new ConcurrentHashMap<>();
    private final HttpClient phone = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Residents(Supplier<LineSimulatorConfig> config, Friendships friendships, Inboxes inboxes,
                     ReplyTokens replyTokens, WebhookSender sender) {
        this.config = config;
        this.friendships = friendships;
        this.inboxes = inboxes;
        this.replyTokens = replyTokens;
        this.sender = sender;
    }

    /** Adds the official account as a friend (or unblocks it); displayName may be null. */
    public WebhookResult follow(String userId, String displayName) {
        LineIds.requireUserId(userId);
        boolean unblocked = friendships.follow(userId, displayName);
        inboxes.recordResident(userId, new ResidentLine(Instant.now(), "follow", "友だち追加"));
        return sender.send(dated(userId, WebhookEvents.follow(userId, newReplyToken(userId), unblocked)));
    }

    /** Blocks the official account: from now on nothing sent to this user is delivered. */
    public WebhookResult unfollow(String userId) {
        LineIds.requireUserId(userId);
        if (friendships.isBlocked(userId)) {
            throw new ResidentActionException("the user has already blocked the official account");
        }
        friendships.unfollow(userId);
        inboxes.recordResident(userId, new ResidentLine(Instant.now(), "unfollow", "ブロック"));
        return sender.send(dated(userId, WebhookEvents.unfollow(userId)));
    }

    public WebhookResult sendText(String userId, String text) {
        requireCanTalk(userId);
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("text must be 1.." + MAX_TEXT_LENGTH + " characters");
        }
        inboxes.recordResident(userId, new ResidentLine(Instant.now(), "text", text));
        return sender.send(dated(userId, WebhookEvents.text(userId, newReplyToken(userId), text)));
    }

    public WebhookResult postback(String userId, String data) {
        return postback(userId, data, data);
    }

    /**
     * The message event {@link #sendText} would post, signed, for a load generator to post with its own client.
     * Leaner than {@code sendText}: not shown in the chat history, not remembered for redelivery.
     */
    public SignedWebhook signedText(String userId, String text) {
        requireCanTalk(userId);
        return sender.signed(dated(userId, WebhookEvents.text(userId, newReplyToken(userId), text)));
    }

    /** The postback event {@link #postback} would post, signed, as {@link #signedText} is. */
    public SignedWebhook signedPostback(String userId, String data) {
        requireCanTalk(userId);
        return sender.signed(dated(userId, WebhookEvents.postback(userId, newReplyToken(userId), data)));
    }

    /**
     * Opens the QR code's URL like the phone's camera does, without following the redirect, and sends the text
     * prefilled by LINE's oaMessage link, as the resident does by tapping send.
     */
    public WebhookResult scan(String userId, URI qrUrl) {
        requireCanTalk(userId);
        OaMessageLink link = OaMessageLink.parse(redirectTarget(qrUrl));
        if (!link.basicId().equals(config.get().botBasicId())) {
            throw new ResidentActionException("the QR code leads to another official account than "
                    + config.get().botBasicId());
        }
        return sendText(userId, link.text());
    }

    /**
     * Taps the button labelled {@code label} in the newest message that offers one (template action or quick
     * reply): a postback action sends its data, a message action sends its text.
     */
    public WebhookResult tap(String userId, String label) {
        requireCanTalk(userId);
        JsonNode action = newestActionLabelled(userId, label).orElseThrow(() -> new ResidentActionException(
                "no message in this user's chat offers a button labelled '" + label + "'"));
        if ("message".equals(action.path("type").asText())) {
            return sendText(userId, action.path("text").asText());
        }
        String shown = action.hasNonNull("displayText") ? action.get("displayText").asText() : label;
        return postback(userId, action.path("data").asText(), shown);
    }

    private WebhookResult postback(String userId, String data, String shownInChat) {
        requireCanTalk(userId);
        if (data == null || data.isEmpty() || data.length() > 300) {
            throw new IllegalArgumentException("postback data must be 1..300 characters");
        }
        inboxes.recordResident(userId, new ResidentLine(Instant.now(), "postback", shownInChat));
        ObjectNode event = dated(userId, WebhookEvents.postback(userId, newReplyToken(userId), data));
        return sender.send(event);
    }

    private Optional<JsonNode> newestActionLabelled(String userId, String label) {
        List<InboxMessage> messages = inboxes.inbox(userId);
        for (int i = messages.size() - 1; i >= 0; i--) {
            Optional<JsonNode> action = messages.get(i).actionLabelled(label);
            if (action.isPresent()) {
                return action;
            }
        }
        return Optional.empty();
    }

    private String redirectTarget(URI qrUrl) {
        HttpResponse<Void> response;
        try {
            response = phone.send(HttpRequest.newBuilder(qrUrl).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new ResidentActionException("cannot open the QR code's URL " + qrUrl + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ResidentActionException("interrupted while opening " + qrUrl);
        }
        String location = response.headers().firstValue("Location").orElse(null);
        if (!REDIRECTS.contains(response.statusCode()) || location == null) {
            throw new ResidentActionException("the QR code's URL " + qrUrl + " answered " + response.statusCode()
                    + (location == null ? " without Location" : "")
                    + "; expected a 302 redirect to " + OaMessageLink.PREFIX + "{basic id}/?{text}");
        }
        return location;
    }

    private String newReplyToken(String userId) {
        return replyTokens.issue(userId, config.get().replyTokenTtl());
    }

    /** A user who blocked the account has no chat with it; LINE lets them do nothing but unblock. */
    private void requireCanTalk(String userId) {
        LineIds.requireUserId(userId);
        if (friendships.isBlocked(userId)) {
            throw new ResidentActionException("the user has blocked the official account; follow it again first");
        }
    }

    /** From now on, {@code userId}'s events carry timestamps shifted by {@code offset} (negative = earlier). */
    public void setClockOffset(String userId, Duration offset) {
        if (offset.isZero()) {
            clockOffsets.remove(userId);
        } else {
            clockOffsets.put(userId, offset);
        }
    }

    private ObjectNode dated(String userId, ObjectNode event) {
        Duration offset = clockOffsets.get(userId);
        if (offset != null) {
            event.put("timestamp", event.get("timestamp").asLong() + offset.toMillis());
        }
        return event;
    }
}
