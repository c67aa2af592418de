-- Who did what, when, to which case, with which counts. Append-only: the triggers refuse any change, so not even
-- a bug in the service (or a careless UPDATE by hand) can rewrite history.
CREATE TABLE audit_event (
    id         bigserial   PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT clock_timestamp(),
    actor      text        NOT NULL,
    actor_name text        NOT NULL,
    action     text        NOT NULL,
    case_id    bigint,
    details    jsonb       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_case ON audit_event (case_id, id);
CREATE INDEX audit_event_actor ON audit_event (actor_name, id);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
