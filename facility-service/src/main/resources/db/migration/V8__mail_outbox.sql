-- Mail to venues (registration confirmations, recovered management links, the prefecture's notices). Written in
-- the transaction of the change that causes it, sent by the mail relay after the commit. The bodies exist only
-- while the mail is pending: once the SMTP server answered for good they are cleared, because a confirmation or
-- recovery body carries a management link (docs/security.md).
CREATE TABLE facility.mail_outbox (
    id              bigserial   PRIMARY KEY,
    -- Fixed when queued, so a retry carries the same Message-ID as the first attempt.
    message_id      text        NOT NULL UNIQUE,
    kind            text        NOT NULL CHECK (kind IN ('REGISTRATION', 'MANAGEMENT_LINK', 'NOTICE')),
    facility_id     uuid        REFERENCES facility.facilities (id),
    notice_id       uuid,
    recipient       text        NOT NULL CHECK (char_length(recipient) <= 254),
    subject         text        NOT NULL,
    text_body       text,
    html_body       text,
    unsubscribe_url text,
    status          text        NOT NULL DEFAULT 'PENDING'
                                CHECK (status IN ('PENDING', 'SENT', 'BOUNCED', 'REFUSED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    -- The SMTP server's last answer (or why it could not be reached); never a body.
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CHECK ((status = 'PENDING') = (text_body IS NOT NULL AND html_body IS NOT NULL)),
    CHECK ((status = 'PENDING') = (sent_at IS NULL))
);

CREATE INDEX mail_outbox_due ON facility.mail_outbox (next_attempt_at, id) WHERE status = 'PENDING';
CREATE INDEX mail_outbox_notice ON facility.mail_outbox (notice_id, status) WHERE notice_id IS NOT NULL;
