-- checkin-service's own database. LINE user ids are never stored here in clear: residents are known by a
-- pseudonym, HMAC-SHA256(RESIDENT_PSEUDONYM_KEY, LINE user id).

-- This service's view of facility.codes.v1 (never facility-service's tables): the latest state of every code.
CREATE TABLE code_view (
    code          text        PRIMARY KEY CHECK (length(code) = 9),
    status        text        NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    facility_id   uuid        NOT NULL,
    facility_name text        NOT NULL,
    room          text        NOT NULL,
    occurred_at   timestamptz NOT NULL
);

-- Offsets of facility.codes.v1 applied to code_view, written in the same transaction as the rows, so the view
-- restarts exactly where it stopped (and a fresh database starts from the beginning of the compacted topic).
CREATE TABLE code_view_offsets (
    kafka_partition int    PRIMARY KEY,
    next_offset     bigint NOT NULL
);

-- Webhook events already handled: a redelivery (same webhookEventId) records nothing and replies nothing.
CREATE TABLE processed_webhook_events (
    webhook_event_id text        PRIMARY KEY,
    processed_at     timestamptz NOT NULL
);
CREATE INDEX processed_webhook_events_age ON processed_webhook_events (processed_at);

-- A resident's own visits, for 「履歴」 and 「削除」; deleted after the history retention (14 days).
CREATE TABLE resident_visits (
    visit_id      uuid        PRIMARY KEY,
    resident      bytea       NOT NULL,
    code          text        NOT NULL,
    facility_name text        NOT NULL,
    room          text        NOT NULL,
    visited_at    timestamptz NOT NULL
);
CREATE INDEX resident_visits_by_resident ON resident_visits (resident, visited_at DESC);
CREATE INDEX resident_visits_age ON resident_visits (visited_at);
