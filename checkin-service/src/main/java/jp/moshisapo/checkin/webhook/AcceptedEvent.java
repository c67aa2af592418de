package jp.moshisapo.checkin.webhook;

/**
 * One event of a verified webhook body, as it goes onto {@code checkin.webhook-events.v1}: the event JSON exactly
 * as LINE sent it, keyed by the LINE user id so one resident's events stay in order on one partition.
 *
 * @param userId LINE user id of the source, or null for events without one (they are ignored later)
 */
public record AcceptedEvent(String webhookEventId, String userId, byte[] json) {

    @Override
    public String toString() {
        return "AcceptedEvent[webhookEventId=" + webhookEventId + ", bytes=" + json.length + "]";
    }
}
