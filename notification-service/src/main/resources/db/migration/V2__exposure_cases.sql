-- Exposure cases: draft -> sending (approved by a second person) -> done | failed; cancelled at any time before.
CREATE TABLE exposure_case (
    id                        bigserial   PRIMARY KEY,
    state                     text        NOT NULL
        CHECK (state IN ('DRAFT', 'SENDING', 'DONE', 'FAILED', 'CANCELLED')),
    codes                     text[]      NOT NULL,
    -- Disjoint, sorted windows [start, end): the matching time ranges.
    window_starts             timestamptz[] NOT NULL,
    window_ends               timestamptz[] NOT NULL,
    message                   text        NOT NULL,
    note                      text        NOT NULL,
    created_by                text        NOT NULL,
    created_by_name           text        NOT NULL,
    created_at                timestamptz NOT NULL,
    approved_by               text,
    approved_by_name          text,
    approved_at               timestamptz,
    cancelled_by              text,
    cancelled_by_name         text,
    cancelled_at              timestamptz,
    -- Set once every recipient is in a batch; until then a restart continues planning.
    planned_at                timestamptz,
    recipients                integer,
    skipped_unreachable       integer,
    skipped_recently_notified integer,
    finished_at               timestamptz,
    failure_reason            text
);
CREATE INDEX exposure_case_state ON exposure_case (state, id);

-- Multicast batches of <= 500 recipients. The row, with its retry key, is committed before the first request.
CREATE TABLE delivery_batch (
    case_id          bigint      NOT NULL REFERENCES exposure_case (id),
    seq              integer     NOT NULL,
    retry_key        uuid        NOT NULL UNIQUE,
    recipient_count  integer     NOT NULL,
    -- 32-byte resident keys, concatenated: recipients already planned (restart) and recently notified (24 h rule).
    resident_keys    bytea,
    -- The LINE user ids, newline separated, sealed with keyring key key_id; cleared once the batch is final.
    key_id           text,
    recipients       bytea,
    status           text        NOT NULL DEFAULT 'PENDING'
        CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    attempts         integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL,
    first_attempt_at timestamptz,
    finished_at      timestamptz,
    -- HTTP status and LINE's message of the last failure; never user ids.
    last_error       text,
    PRIMARY KEY (case_id, seq)
);
CREATE INDEX delivery_batch_recent ON delivery_batch (finished_at) WHERE status = 'SENT';
