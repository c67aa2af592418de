-- facility-service owns schema "facility"; no other service reads these tables.

CREATE TABLE facility.facilities (
    id                    uuid PRIMARY KEY,
    business_type         text        NOT NULL,
    scale                 text        NOT NULL,
    name                  text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    postal_code           char(7)     NOT NULL CHECK (postal_code ~ '^[0-9]{7}$'),
    address1              text        NOT NULL,
    address2              text        NOT NULL,
    phone                 text        NOT NULL,
    email                 text        NOT NULL,
    receive_notices       boolean     NOT NULL,
    terms_accepted_at     timestamptz NOT NULL,
    -- SHA-256 of the management token; the token itself is shown once and never stored.
    management_token_hash bytea       NOT NULL CHECK (octet_length(management_token_hash) = 32),
    created_at            timestamptz NOT NULL
);

-- A code is never deleted and never reissued: a revoked code keeps its row, so the primary key alone
-- guarantees that no printed code ever points at a second room.
CREATE TABLE facility.codes (
    code        char(9)     PRIMARY KEY CHECK (code ~ '^[0-9A-HJKMNP-TV-Z]{9}$'),
    facility_id uuid        NOT NULL REFERENCES facility.facilities (id),
    room        text        NOT NULL CHECK (char_length(room) BETWEEN 1 AND 50),
    position    integer     NOT NULL,
    status      text        NOT NULL CHECK (status IN ('ACTIVE', 'REVOKED')),
    issued_at   timestamptz NOT NULL,
    revoked_at  timestamptz,
    UNIQUE (facility_id, position),
    CHECK ((status = 'REVOKED') = (revoked_at IS NOT NULL))
);

CREATE INDEX codes_facility ON facility.codes (facility_id, position);

-- Transactional outbox: written in the same transaction as the change it announces, published by the relay.
CREATE TABLE facility.outbox (
    id          bigserial   PRIMARY KEY,
    topic       text        NOT NULL,
    message_key text        NOT NULL,
    -- Kept as text, not jsonb, so the bytes published are exactly the bytes written.
    payload     text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    sent_at     timestamptz
);

CREATE INDEX outbox_unsent ON facility.outbox (id) WHERE sent_at IS NULL;
