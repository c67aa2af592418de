-- Owner and runtime: these migrations run as the owner role (which owns every table); the service runs as the
-- runtime role ${runtime_role}, which may read and write rows but owns nothing, so it can neither alter nor drop a
-- table nor disable its triggers (docs/security.md, "Database roles"). Where the runtime role is the owner (a
-- single-role laptop set-up), granting is a no-op and nothing is revoked.

GRANT USAGE ON SCHEMA notification TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA notification TO ${runtime_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA notification TO ${runtime_role};
-- Tables and sequences of later migrations (created by the owner) get the same. A later table that must be
-- append-only revokes UPDATE and DELETE in its own migration, as V7 does for audit_event.
ALTER DEFAULT PRIVILEGES IN SCHEMA notification GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtime_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA notification GRANT USAGE, SELECT ON SEQUENCES TO ${runtime_role};
-- Flyway's own history is the owner's alone.
DO $$
BEGIN
    IF '${runtime_role}' <> current_user THEN
        REVOKE ALL ON flyway_schema_history FROM ${runtime_role};
    END IF;
END
$$;

-- The visit store's day partitions are created ahead and dropped past retention by the running service
-- (VisitPartitions), which DDL on an owned table needs ownership for. These two functions run as the owner
-- (SECURITY DEFINER) with a fixed search_path, and do exactly that: create or drop one day partition of visit.
CREATE FUNCTION visit_create_day_partition(day date, from_at timestamptz, to_at timestamptz) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = notification, pg_temp AS $$
BEGIN
    -- A local day is 23 to 25 hours long (daylight saving elsewhere); anything else is not a day partition.
    IF to_at - from_at NOT BETWEEN interval '23 hours' AND interval '25 hours' THEN
        RAISE EXCEPTION 'not a day: % to %', from_at, to_at USING ERRCODE = 'invalid_parameter_value';
    END IF;
    EXECUTE format('CREATE TABLE IF NOT EXISTS notification.%I PARTITION OF notification.visit '
        'FOR VALUES FROM (%L) TO (%L)', 'visit_p' || to_char(day, 'YYYYMMDD'), from_at, to_at);
END
$$;

CREATE FUNCTION visit_drop_day_partition(day date) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = notification, pg_temp AS $$
DECLARE
    partition text := 'visit_p' || to_char(day, 'YYYYMMDD');
BEGIN
    -- Only a partition of visit: never any other table of the owner's.
    IF EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
               WHERE i.inhparent = 'notification.visit'::regclass AND c.relname = partition) THEN
        EXECUTE format('DROP TABLE notification.%I', partition);
    END IF;
END
$$;

REVOKE ALL ON FUNCTION visit_create_day_partition(date, timestamptz, timestamptz) FROM PUBLIC;
REVOKE ALL ON FUNCTION visit_drop_day_partition(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION visit_create_day_partition(date, timestamptz, timestamptz) TO ${runtime_role};
GRANT EXECUTE ON FUNCTION visit_drop_day_partition(date) TO ${runtime_role};
