-- Owner and runtime: these migrations run as the owner role (which owns every table); the service runs as the
-- runtime role ${runtime_role}, which may read and write rows but owns nothing, so it can neither alter nor drop a
-- table (docs/security.md, "Database roles"). Where the runtime role is the owner (a single-role laptop set-up),
-- granting is a no-op and nothing is revoked.
GRANT USAGE ON SCHEMA facility TO ${runtime_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA facility TO ${runtime_role};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA facility TO ${runtime_role};
-- Tables and sequences of later migrations (created by the owner) get the same.
ALTER DEFAULT PRIVILEGES IN SCHEMA facility GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${runtime_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA facility GRANT USAGE, SELECT ON SEQUENCES TO ${runtime_role};
-- Flyway's own history is the owner's alone.
DO $$
BEGIN
    IF '${runtime_role}' <> current_user THEN
        REVOKE ALL ON facility.flyway_schema_history FROM ${runtime_role};
    END IF;
END
$$;
