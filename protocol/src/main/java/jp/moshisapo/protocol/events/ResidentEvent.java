package jp.moshisapo.protocol.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Something a resident did that other services must obey (docs/events/resident-event.schema.json). The LINE user
 * id travels only sealed ({@link EventKeyring.Purpose#RESIDENT_LINE_USER_ID}); the record key is a keyed
 * pseudonym, never the id.
 */
public record ResidentEvent(int schemaVersion, UUID eventId, Type type, Sealed sealedLineUserId,
        Instant occurredAt) {

    /** 2: the LINE user id is sealed (version 1 carried it in clear). */
    public static final int SCHEMA_VERSION = 2;

    /** What happened. */
    public enum Type {
        /** Delete every visit of this resident, everywhere. */
        ERASURE_REQUESTED,
        /** The resident unfollowed (blocked) the account: do not message them. */
        UNREACHABLE,
        /** The resident followed again. */
        REACHABLE
    }

    public static ResidentEvent of(Type type, String lineUserId, Instant occurredAt, EventKeyring keys) {
        return new ResidentEvent(SCHEMA_VERSION, UUID.randomUUID(), type,
                keys.seal(lineUserId.getBytes(StandardCharsets.UTF_8), EventKeyring.Purpose.RESIDENT_LINE_USER_ID),
                occurredAt);
    }

    /** The LINE user id; throws {@link EventKeyring.UnreadableException} when it cannot be opened. */
    public String lineUserId(EventKeyring keys) {
        return new String(keys.open(sealedLineUserId, EventKeyring.Purpose.RESIDENT_LINE_USER_ID),
                StandardCharsets.UTF_8);
    }
}
