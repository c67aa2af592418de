package jp.moshisapo.protocol.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A resident consented to record a visit (docs/events/visit-recorded.schema.json). The LINE user id travels only
 * sealed ({@link EventKeyring.Purpose#VISIT_LINE_USER_ID}); whoever holds the event keys opens it with
 * {@link #lineUserId(EventKeyring)}.
 */
public record VisitRecorded(int schemaVersion, UUID visitId, Sealed sealedLineUserId, String code,
        Instant visitedAt, Instant recordedAt) {

    /** 2: the LINE user id is sealed (version 1 carried it in clear). */
    public static final int SCHEMA_VERSION = 2;

    public static VisitRecorded of(UUID visitId, String lineUserId, String code, Instant visitedAt,
            Instant recordedAt, EventKeyring keys) {
        return new VisitRecorded(SCHEMA_VERSION, visitId,
                keys.seal(lineUserId.getBytes(StandardCharsets.UTF_8), EventKeyring.Purpose.VISIT_LINE_USER_ID),
                code, visitedAt, recordedAt);
    }

    /** The LINE user id; throws {@link EventKeyring.UnreadableException} when it cannot be opened. */
    public String lineUserId(EventKeyring keys) {
        return new String(keys.open(sealedLineUserId, EventKeyring.Purpose.VISIT_LINE_USER_ID),
                StandardCharsets.UTF_8);
    }
}
