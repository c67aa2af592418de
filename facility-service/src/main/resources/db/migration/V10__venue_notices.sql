-- The prefecture's notices to venues that opted in (「県からのお知らせを受け取る」). A notice is drafted by one staff
-- member and approved by another; approval queues one mail per venue of its audience in the same transaction.
CREATE TABLE facility.notices (
    id              uuid        PRIMARY KEY,
    subject         text        NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 100),
    body            text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
    survey_url      text        CHECK (char_length(survey_url) <= 500),
    -- Empty: every business type / every municipality.
    business_types  text[]      NOT NULL DEFAULT '{}',
    municipalities  text[]      NOT NULL DEFAULT '{}',
    state           text        NOT NULL CHECK (state IN ('DRAFT', 'APPROVED')),
    created_by      text        NOT NULL,
    created_by_name text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    approved_by     text,
    approved_by_name text,
    approved_at     timestamptz,
    recipients      integer,
    CHECK ((state = 'APPROVED') = (approved_at IS NOT NULL)),
    CHECK (approved_by IS NULL OR approved_by <> created_by)
);

-- The one-click unsubscribe link of every notice names the venue by this key, never by its id.
ALTER TABLE facility.facilities ADD COLUMN unsubscribe_key uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE;

ALTER TABLE facility.mail_outbox ADD CONSTRAINT mail_outbox_notice FOREIGN KEY (notice_id)
    REFERENCES facility.notices (id);
-- A notice reaches a venue at most once, even if approval were retried.
CREATE UNIQUE INDEX mail_outbox_once_per_notice ON facility.mail_outbox (notice_id, facility_id)
    WHERE notice_id IS NOT NULL;
