-- Webhook events set aside after processing them on their own failed moshisapo.checkin.poison.attempts times
-- (docs/checkin.md, "Poison events"): where they are on Kafka and what failed. Never the LINE user id, the
-- pseudonym or the message text: an operator reads the event itself from Kafka by topic, partition and offset.
CREATE TABLE poison_event (
    id               bigserial   PRIMARY KEY,
    webhook_event_id text,
    topic            text        NOT NULL,
    kafka_partition  int         NOT NULL,
    kafka_offset     bigint      NOT NULL,
    -- Exception classes and SQLStates only (messages may quote the event).
    error            text        NOT NULL,
    attempts         int         NOT NULL,
    parked_at        timestamptz NOT NULL,
    UNIQUE (topic, kafka_partition, kafka_offset)
);
CREATE INDEX poison_event_age ON poison_event (parked_at);
