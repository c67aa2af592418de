package jp.moshisapo.linesim.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.moshisapo.linesim.LineIds;
import jp.moshisapo.linesim.http.HttpIo;

/** Webhook event objects shaped exactly like LINE's (one-to-one chat, active channel). */
public final class WebhookEvents {

    private WebhookEvents() {
    }

    public static ObjectNode follow(String userId, String replyToken, boolean isUnblocked) {
        ObjectNode event = base("follow", userId).put("replyToken", replyToken);
        event.putObject("follow").put("isUnblocked", isUnblocked);
        return event;
    }

    /** LINE sends no reply token with unfollow: the user can no longer be messaged. */
    public static ObjectNode unfollow(String userId) {
        return base("unfollow", userId);
    }

    public static ObjectNode text(String userId, String replyToken, String text) {
        ObjectNode event = base("message", userId).put("replyToken", replyToken);
        event.putObject("message")
                .put("id", LineIds.messageId())
                .put("type", "text")
                .put("quoteToken", LineIds.quoteToken())
                .put("text", text);
        return event;
    }

    public static ObjectNode postback(String userId, String replyToken, String data) {
        ObjectNode event = base("postback", userId).put("replyToken", replyToken);
        event.putObject("postback").put("data", data);
        return event;
    }

    /** The body LINE posts: {"destination": bot user id, "events": [event]}. */
    public static ObjectNode body(String destination, ObjectNode event) {
        ObjectNode body = HttpIo.MAPPER.createObjectNode().put("destination", destination);
        body.putArray("events").add(event);
        return body;
    }

    private static ObjectNode base(String type, String userId) {
        ObjectNode event = HttpIo.MAPPER.createObjectNode()
                .put("type", type)
                .put("mode", "active")
                .put("timestamp", System.currentTimeMillis());
        event.putObject("source").put("type", "user").put("userId", userId);
        event.put("webhookEventId", LineIds.webhookEventId());
        event.putObject("deliveryContext").put("isRedelivery", false);
        return event;
    }
}
