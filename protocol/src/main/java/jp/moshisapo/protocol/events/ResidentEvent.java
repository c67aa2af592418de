package jp.moshisapo.protocol.events;

import java.time.Instant;
import java.util.UUID;

/**
 * Something a resident did that other services must obey (docs/events/resident-event.schema.json). Holds personal
 * data: {@link #toString()} leaves the LINE user id out.
 */
public record ResidentEvent(int schemaVersion, UUID eventId, Type type, String lineUserId, Instant occurredAt) {

    public static final int SCHEMA_VERSION = 1;

    /** What happened. */
    public enum Type {
        /** Delete every visit of this resident, everywhere. */
        ERASURE_REQUESTED,
        /** The resident unfollowed (blocked) the account: do not message them. */
        UNREACHABLE,
        /** The resident followed again. */
        REACHABLE
    }

    public static ResidentEvent of(Type type, String lineUserId, Instant occurredAt) {
        return new ResidentEvent(SCHEMA_VERSION, UUID.randomUUID(), type, lineUserId, occurredAt);
    }

    @Override
    public String toString() {
        return "ResidentEvent[eventId=" + eventId + ", type=" + type + ", occurredAt=" + occurredAt + "]";
    }
}
