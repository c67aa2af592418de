package jp.moshisapo.protocol.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A resident consented to record a visit (docs/events/visit-recorded.schema.json). Holds personal data: the LINE
 * user id is never logged and {@link #toString()} leaves it out.
 */
public record VisitRecorded(int schemaVersion, UUID visitId, String lineUserId, String code, Instant visitedAt,
        Instant recordedAt) {

    public static final int SCHEMA_VERSION = 1;

    public static VisitRecorded of(UUID visitId, String lineUserId, String code, Instant visitedAt,
            Instant recordedAt) {
        return new VisitRecorded(SCHEMA_VERSION, visitId, lineUserId, code, visitedAt, recordedAt);
    }

    @Override
    public String toString() {
        return "VisitRecorded[visitId=" + visitId + ", code=" + code + ", visitedAt=" + visitedAt + "]";
    }
}
