package jp.moshisapo.checkin.webhook;

/**
 * One event of a verified webhook body: the event JSON exactly as LINE sent it, before {@link WebhookIntake}
 * minimises and seals it for {@code checkin.webhook-events.v1}.
 *
 * @param type LINE's event type ({@code message}, {@code postback}, {@code follow}…)
 * @param userId LINE user id of the source, or null for events without one (they are ignored later)
 */
public record AcceptedEvent(String webhookEventId, String type, String userId, byte[] json) {

    @Override
    public String toString() {
        return "AcceptedEvent[webhookEventId=" + webhookEventId + ", type=" + type + ", bytes=" + json.length + "]";
    }
}
