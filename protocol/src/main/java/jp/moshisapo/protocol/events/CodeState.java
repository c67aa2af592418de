package jp.moshisapo.protocol.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The latest state of one printed code (docs/events/code-state.schema.json).
 *
 * @param businessType the venue's 業態 as facility-service names it (e.g. {@code FOOD_SERVICE}); it sets how long a
 *                     visit is assumed to last when a case matches by time of stay. Null in records written before
 *                     the field existed: consumers then use their default.
 */
public record CodeState(int schemaVersion, UUID eventId, String code, Status status, UUID facilityId,
        String facilityName, String businessType, String room, Instant occurredAt) {

    public static final int SCHEMA_VERSION = 1;

    /** Whether residents may check in with the code. */
    public enum Status {
        ACTIVE, REVOKED
    }

    public static CodeState of(String code, Status status, UUID facilityId, String facilityName, String businessType,
            String room, Instant occurredAt) {
        return new CodeState(SCHEMA_VERSION, UUID.randomUUID(), code, status, facilityId, facilityName, businessType,
                room, occurredAt);
    }
}
