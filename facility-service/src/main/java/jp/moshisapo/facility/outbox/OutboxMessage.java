package jp.moshisapo.facility.outbox;

/** One outbox row: a record to publish exactly as stored. */
public record OutboxMessage(long id, String topic, String key, String payload) {
}
