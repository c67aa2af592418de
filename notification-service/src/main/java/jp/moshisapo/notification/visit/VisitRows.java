package jp.moshisapo.notification.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.Purpose;
import jp.moshisapo.notification.crypto.ResidentIndex;
import jp.moshisapo.protocol.code.InvalidCodeException;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.EventKeyring;
import jp.moshisapo.protocol.events.VisitRecorded;

/**
 * A batch of visits turned into store rows (user id sealed, resident key computed) plus what had to be refused:
 * malformed events and visits dated outside the days the store keeps.
 */
final class VisitRows {

    private static final Pattern USER_ID = Pattern.compile("U[0-9a-f]{32}");

    final List<String> visitedAt = new ArrayList<>();
    final List<UUID> visitIds = new ArrayList<>();
    final List<String> codes = new ArrayList<>();
    final List<byte[]> residentKeys = new ArrayList<>();
    final List<byte[]> userIds = new ArrayList<>();
    final List<String> recordedAt = new ArrayList<>();
    final Set<LocalDate> days = new TreeSet<>();
    final String keyId;
    int malformed;
    int outOfRange;

    private VisitRows(String keyId) {
        this.keyId = keyId;
    }

    /** {@code eventKeys} opens the sealed LINE user ids; a visit whose id does not open counts as malformed. */
    static VisitRows of(List<VisitRecorded> visits, EventKeyring eventKeys, Keyring keyring, ResidentIndex index,
            Retention retention, Instant now) {
        VisitRows rows = new VisitRows(keyring.activeKeyId());
        Instant horizon = retention.horizon(now);
        LocalDate lastDay = retention.lastAcceptedDay(now);
        for (VisitRecorded visit : visits) {
            String userId = wellFormed(visit) ? lineUserId(visit, eventKeys) : null;
            if (userId == null) {
                rows.malformed++;
                continue;
            }
            LocalDate day = retention.days().dayOf(visit.visitedAt());
            if (visit.visitedAt().isBefore(horizon) || day.isAfter(lastDay)) {
                rows.outOfRange++;
                continue;
            }
            rows.days.add(day);
            rows.visitedAt.add(visit.visitedAt().toString());
            rows.visitIds.add(visit.visitId());
            rows.codes.add(visit.code());
            rows.residentKeys.add(index.keyOf(userId));
            rows.userIds.add(keyring.seal(userId.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    Purpose.VISIT_USER_ID).bytes());
            rows.recordedAt.add(visit.recordedAt().toString());
        }
        return rows;
    }

    /** The opened LINE user id, or null when it does not open or is not a LINE user id. */
    private static String lineUserId(VisitRecorded visit, EventKeyring eventKeys) {
        try {
            String userId = visit.lineUserId(eventKeys);
            return USER_ID.matcher(userId).matches() ? userId : null;
        } catch (EventKeyring.UnreadableException e) {
            return null;
        }
    }

    int size() {
        return visitIds.size();
    }

    private static boolean wellFormed(VisitRecorded visit) {
        if (visit == null || visit.schemaVersion() != VisitRecorded.SCHEMA_VERSION || visit.visitId() == null
                || visit.visitedAt() == null || visit.recordedAt() == null || visit.sealedLineUserId() == null) {
            return false;
        }
        try {
            return new PrintedCode(visit.code()) != null;
        } catch (InvalidCodeException e) {
            return false;
        }
    }
}
