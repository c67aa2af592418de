-- The staff audit log becomes tamper-evident, exactly as notification-service's audit_event (its V7): each entry
-- carries seq (1, 2, 3, ... without gaps), the previous entry's hash and its own: hash = SHA-256(prev_hash ||
-- canonical text), the text defined by jp.moshisapo.protocol.audit.AuditChain (the verifier recomputes it in Java).
-- The runtime role may only INSERT and SELECT; the owner could still rewrite history and recompute every later
-- hash, which only a chain head recorded outside the database reveals (docs/security.md, "Audit log").

ALTER TABLE facility.staff_audit ADD COLUMN seq bigint, ADD COLUMN prev_hash bytea, ADD COLUMN hash bytea;

CREATE FUNCTION facility.staff_audit_canonical(e facility.staff_audit) RETURNS text
    LANGUAGE sql STABLE SET search_path = facility, pg_temp AS $$
    SELECT 'moshisapo-audit-v1' || E'\n' || e.seq || E'\n'
        || (extract(epoch FROM e.at) * 1000000)::bigint || E'\n'
        || length(e.actor) || ':' || e.actor || E'\n'
        || length(e.actor_name) || ':' || e.actor_name || E'\n'
        || length(e.action) || ':' || e.action || E'\n'
        || coalesce(e.case_id::text, '-') || E'\n'
        || length(e.details::text) || ':' || e.details::text
$$;

-- Entries written before the chain existed are chained in id order, once, by the owner.
ALTER TABLE facility.staff_audit DISABLE TRIGGER staff_audit_no_update_delete;
DO $$
DECLARE
    r facility.staff_audit;
    previous bytea := '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea;
    n bigint := 0;
BEGIN
    FOR r IN SELECT * FROM facility.staff_audit ORDER BY id LOOP
        n := n + 1;
        r.seq := n;
        r.prev_hash := previous;
        r.hash := sha256(previous || convert_to(facility.staff_audit_canonical(r), 'UTF8'));
        UPDATE facility.staff_audit SET seq = r.seq, prev_hash = r.prev_hash, hash = r.hash WHERE id = r.id;
        previous := r.hash;
    END LOOP;
END
$$;
ALTER TABLE facility.staff_audit ENABLE TRIGGER staff_audit_no_update_delete;

ALTER TABLE facility.staff_audit ALTER COLUMN seq SET NOT NULL, ALTER COLUMN prev_hash SET NOT NULL,
    ALTER COLUMN hash SET NOT NULL, ADD CONSTRAINT staff_audit_seq UNIQUE (seq);

-- Every insert is numbered, timed and chained here, one at a time (the advisory lock is held until the inserting
-- transaction ends, so the next insert reads this one as the head).
CREATE FUNCTION facility.staff_audit_chain() RETURNS trigger
    LANGUAGE plpgsql SET search_path = facility, pg_temp AS $$
DECLARE
    head record;
BEGIN
    PERFORM pg_advisory_xact_lock(8319381504092234101); -- "staff_au" in ASCII
    SELECT seq, hash INTO head FROM facility.staff_audit ORDER BY seq DESC LIMIT 1;
    NEW.seq := coalesce(head.seq, 0) + 1;
    NEW.prev_hash := coalesce(head.hash,
        '\x0000000000000000000000000000000000000000000000000000000000000000'::bytea);
    -- The database's clock, not the writer's: an entry cannot be backdated.
    NEW.at := clock_timestamp();
    NEW.hash := sha256(NEW.prev_hash || convert_to(facility.staff_audit_canonical(NEW), 'UTF8'));
    RETURN NEW;
END
$$;
CREATE TRIGGER staff_audit_chain BEFORE INSERT ON facility.staff_audit
    FOR EACH ROW EXECUTE FUNCTION facility.staff_audit_chain();

-- The runtime role appends and reads; nothing else. (Skipped where the runtime role is the owner itself.)
DO $$
BEGIN
    IF '${runtime_role}' <> current_user THEN
        REVOKE ALL ON facility.staff_audit FROM ${runtime_role};
        GRANT SELECT, INSERT ON facility.staff_audit TO ${runtime_role};
    END IF;
END
$$;
