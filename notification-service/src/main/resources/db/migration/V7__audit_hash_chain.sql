-- The audit log becomes tamper-evident: each entry carries seq (1, 2, 3, ... without gaps), the previous entry's
-- hash and its own: hash = SHA-256(prev_hash || canonical text of the entry), the text defined by
-- jp.moshisapo.protocol.audit.AuditChain (the verifier recomputes it in Java). The runtime role may only INSERT
-- and SELECT; the owner could still rewrite history and recompute every later hash, which only a chain head
-- recorded outside the database reveals (docs/security.md, "Audit log").

ALTER TABLE audit_event ADD COLUMN seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;

-- The canonical text: one field a line, text fields prefixed with their length in characters.
CREATE FUNCTION audit_event_canonical(e audit_event) RETURNS text
    LANGUAGE sql STABLE SET search_path = notification, pg_temp AS $$
    SELECT 'moshisapo-audit-v1' || E'\n' || e.seq || E'\n'
        || (extract(epoch FROM e.at) * 1000000)::bigint || E'\n'
        || length(e.actor) || ':' || e.actor || E'\n'
        || length(e.actor_name) || ':' || e.actor_name || E'\n'
        || length(e.action) || ':' || e.action || E'\n'
        || coalesce(e.case_id::text, '-') || E'\n'
        || length(e.details::text) || ':' || e.details::text
$$;

-- Entries written before the chain existed are chained in id order, once, by the owner.
ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete;
DO $$
DECLARE
    r audit_event;
    previous bytea := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    n bigint := 0;
BEGIN
    FOR r IN SELECT * FROM audit_event ORDER BY id LOOP
        n := n + 1;
        r.seq := n;
        r.prev_hash := previous;
        r.hash := sha256(previous || convert_to(audit_event_canonical(r), 'UTF8'));
        UPDATE audit_event SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
        previous := r.hash;
    END LOOP;
END
$$;
ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete;

ALTER TABLE audit_event ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL, ADD CONSTRAINT audit_event_seq UNIQUE (seq);

-- Every insert, whoever makes it, is numbered, timed and chained here, one at a time: the advisory lock is held
-- until the inserting transaction ends, so the next insert reads this one as the head. (Audit entries are the
-- last write of their transaction, so the wait is short and no lock is taken after it.)
CREATE FUNCTION audit_event_chain() RETURNS trigger
    LANGUAGE plpgsql SET search_path = notification, pg_temp AS $$
DECLARE
    head record;
BEGIN
    PERFORM pg_advisory_xact_lock(7022629598040909174); -- "audit_ev" in ASCII: fixed, shared by every instance
    SELECT seq, hash INTO head FROM audit_event ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(head.seq, 0) + 1;
    NEW.prev_hash := coalesce(head.hash,
        '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
    -- The database's clock, not the writer's: an entry cannot be backdated.
    NEW.at := clock_timestamp();
    NEW.hash := sha256(NEW.prev_hash || convert_to(audit_event_canonical(NEW), 'UTF8'));
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_event_chain BEFORE INSERT ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_chain();

-- The runtime role appends and reads; nothing else. (Skipped where the runtime role is the owner itself.)
DO $$
BEGIN
    IF '${runtime_role}' <> current_user THEN
        REVOKE ALL ON audit_event FROM ${runtime_role};
        GRANT SELECT, INSERT ON audit_event TO ${runtime_role};
    END IF;
END
$$;
