-- The visit store: one row per visit, partitioned by local (Asia/Tokyo) day so retention drops whole days.
-- Day partitions (visit_pYYYYMMDD) are created ahead and dropped by the service (VisitPartitions).
CREATE TABLE visit (
    visited_at   timestamptz NOT NULL,
    -- The producer's id of the visit: the same event delivered twice is stored once. The primary key must hold
    -- the partition column; a visit id always comes with the same visited_at, so this still means "once per id".
    visit_id     uuid        NOT NULL,
    code         text        NOT NULL,
    -- HMAC-SHA256(resident index key, LINE user id): distinct counts, recipient dedup and erasure, no decryption.
    resident_key bytea       NOT NULL,
    -- AES-256-GCM of the LINE user id (nonce || ciphertext || tag) under the keyring key key_id.
    key_id       text        NOT NULL,
    user_id      bytea       NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (visited_at, visit_id)
) PARTITION BY RANGE (visited_at);

-- "Which distinct residents visited these codes between T1 and T2": an index-only scan per code and window.
CREATE INDEX visit_code_time ON visit (code, visited_at) INCLUDE (resident_key);
-- Erasure of one resident across all days.
CREATE INDEX visit_resident ON visit (resident_key);

-- Residents who unfollowed (blocked) the account: never sent to.
CREATE TABLE unreachable_resident (
    resident_key bytea       PRIMARY KEY,
    since        timestamptz NOT NULL
);

-- Residents who asked for erasure: a visit recorded before the request that arrives late (Kafka redelivery,
-- replay) is not stored again. Kept as long as visits are kept.
CREATE TABLE erased_resident (
    resident_key bytea       PRIMARY KEY,
    erased_at    timestamptz NOT NULL
);

-- The latest state of every printed code (facility.codes.v1), to name venues and refuse unknown codes.
CREATE TABLE code_state (
    code          text        PRIMARY KEY,
    status        text        NOT NULL,
    facility_id   uuid        NOT NULL,
    facility_name text        NOT NULL,
    room          text        NOT NULL,
    occurred_at   timestamptz NOT NULL
);
