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

    static VisitRows of(List<VisitRecorded> visits, Keyring keyring, ResidentIndex index, Retention retention,
            Instant now) {
        VisitRows rows = new VisitRows(keyring.activeKeyId());
        Instant horizon = retention.horizon(now);
        LocalDate lastDay = retention.lastAcceptedDay(now);
        for (VisitRecorded visit : visits) {
            if (!wellFormed(visit)) {
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
            rows.residentKeys.add(index.keyOf(visit.lineUserId()));
            rows.userIds.add(keyring.seal(visit.lineUserId().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    Purpose.VISIT_USER_ID).bytes());
            rows.recordedAt.add(visit.recordedAt().toString());
        }
        return rows;
    }

    int size() {
        return visitIds.size();
    }

    private static boolean wellFormed(VisitRecorded visit) {
        if (visit == null || visit.visitId() == null || visit.visitedAt() == null || visit.recordedAt() == null
                || visit.lineUserId() == null || !USER_ID.matcher(visit.lineUserId()).matches()) {
            return false;
        }
        try {
            return new PrintedCode(visit.code()) != null;
        } catch (InvalidCodeException e) {
            return false;
        }
    }
}
