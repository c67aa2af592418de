package jp.moshisapo.linesim.webhook;

/**
 * How the webhook answered an event.
 *
 * @param status         HTTP status of the last attempt, or 0 when it did not answer in time or refused the connection
 * @param webhookEventId the event's id (null for {@code sendRaw} bodies)
 * @param attempts       deliveries made: 1, plus one per redelivery
 */
public record WebhookResult(int status, String webhookEventId, int attempts) {

    /** True when the webhook answered 2xx. */
    public boolean ok() {
        return status >= 200 && status < 300;
    }
}
