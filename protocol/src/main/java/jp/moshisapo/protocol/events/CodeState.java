package jp.moshisapo.protocol.events;

import java.time.Instant;
import java.util.UUID;

/** The latest state of one printed code (docs/events/code-state.schema.json). */
public record CodeState(int schemaVersion, UUID eventId, String code, Status status, UUID facilityId,
        String facilityName, String room, Instant occurredAt) {

    public static final int SCHEMA_VERSION = 1;

    /** Whether residents may check in with the code. */
    public enum Status {
        ACTIVE, REVOKED
    }

    public static CodeState of(String code, Status status, UUID facilityId, String facilityName, String room,
            Instant occurredAt) {
        return new CodeState(SCHEMA_VERSION, UUID.randomUUID(), code, status, facilityId, facilityName, room,
                occurredAt);
    }
}
