-- Which staff member read which venue's contact data, when. Same columns as notification-service's audit_event
-- (V3__audit_log.sql there), so one hash-chain trigger and one verification fit both logs; case_id stays NULL
-- here. Append-only: the triggers refuse any change, so not even a bug in the service (or a careless UPDATE by
-- hand) can rewrite history.
CREATE TABLE facility.staff_audit (
    id         bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor      text        NOT NULL,
    actor_name text        NOT NULL,
    action     text        NOT NULL,
    case_id    bigint,
    details    jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX staff_audit_case ON facility.staff_audit (case_id, id);
CREATE INDEX staff_audit_actor ON facility.staff_audit (actor_name, id);

CREATE FUNCTION facility.staff_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'staff_audit is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER staff_audit_no_update_delete BEFORE UPDATE OR DELETE ON facility.staff_audit
    FOR EACH ROW EXECUTE FUNCTION facility.staff_audit_append_only();
CREATE TRIGGER staff_audit_no_truncate BEFORE TRUNCATE ON facility.staff_audit
    FOR EACH STATEMENT EXECUTE FUNCTION facility.staff_audit_append_only();
