package jp.moshisapo.notification.visit;

import io.quarkus.arc.All;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import jp.moshisapo.notification.crypto.ResidentIndex;
import jp.moshisapo.notification.db.Db;

/** What residents asked for or did: erasure of their visits, and whether they can be messaged at all. */
@ApplicationScoped
public class Residents {

    private final Db db;
    private final ResidentIndex index;
    private final List<ErasureStep> steps;
    private final Days days;

    Residents(Db db, ResidentIndex index, @All List<ErasureStep> steps, Retention retention) {
        this.db = db;
        this.index = index;
        this.steps = steps;
        this.days = retention.days();
    }

    /**
     * Deletes every stored visit of the resident, their unreachable marker and what the other steps hold (their
     * key in every delivery batch, their place in batches not yet sent), and remembers the request, so a visit
     * recorded before it that arrives late is not stored again. One transaction. Returns the visits deleted.
     */
    public int erase(String lineUserId, Instant requestedAt) {
        byte[] key = index.keyOf(lineUserId);
        int deleted = db.inTransaction(c -> {
            try (PreparedStatement tombstone = c.prepareStatement("""
                    INSERT INTO erased_resident (resident_key, erased_at) VALUES (?, ?)
                    ON CONFLICT (resident_key) DO UPDATE SET erased_at = greatest(erased_resident.erased_at,
                                                                                  excluded.erased_at)
                    """);
                    PreparedStatement delete = c.prepareStatement(HourCounts.ERASE);
                    PreparedStatement marker = c.prepareStatement(
                            "DELETE FROM unreachable_resident WHERE resident_key = ?")) {
                tombstone.setBytes(1, key);
                tombstone.setTimestamp(2, Timestamp.from(requestedAt));
                tombstone.executeUpdate();
                delete.setBytes(1, key);
                int visits;
                try (var rs = delete.executeQuery()) {
                    rs.next();
                    visits = rs.getInt(1);
                }
                // With no visit left the marker protects nothing; kept, it would say "this resident blocked us".
                marker.setBytes(1, key);
                marker.executeUpdate();
                for (ErasureStep step : steps) {
                    step.erase(c, key);
                }
                return visits;
            }
        });
        Log.infof("Erased %d visits of one resident on request", deleted);
        return deleted;
    }

    /** The resident blocked the account; counted as blocked that day unless already marked (a redelivery). */
    public void unreachable(String lineUserId, Instant since) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO unreachable_resident (resident_key, since) "
                    + "VALUES (?, ?) ON CONFLICT (resident_key) DO NOTHING")) {
                s.setBytes(1, index.keyOf(lineUserId));
                s.setTimestamp(2, Timestamp.from(since));
                if (s.executeUpdate() == 1) {
                    FriendCounts.blocked(c, days.dayOf(since));
                }
                return null;
            }
        });
    }

    /** The resident followed (added the account as a friend, first or again); counted as added that day. */
    public void reachable(String lineUserId, Instant at) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM unreachable_resident WHERE resident_key = ?")) {
                s.setBytes(1, index.keyOf(lineUserId));
                s.executeUpdate();
            }
            FriendCounts.followed(c, days.dayOf(at));
            return null;
        });
    }

    /**
     * Forgets unreachable markers set before {@code horizon} (the visit retention). A resident who blocked the
     * account cannot check in (LINE delivers nothing from them, so no QR scan reaches checkin-service); every
     * visit they have is older than their marker, and once the marker is older than the retention so is every
     * visit, which matching no longer reads. Such a marker keeps nobody out of any case: it only says "this
     * resident blocked us". Following again deletes the marker at once (REACHABLE).
     */
    public int forgetUnreachableBefore(Instant horizon) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM unreachable_resident WHERE since < ?")) {
                s.setTimestamp(1, Timestamp.from(horizon));
                return s.executeUpdate();
            }
        });
    }

    /** Forgets the friend counts of days past the retention, like the visits of those days. */
    public int forgetFriendCountsBefore(LocalDate firstKeptDay) {
        return db.inTransaction(c -> FriendCounts.forgetBefore(c, firstKeptDay));
    }

    /** Forgets erasure requests older than anything the store can still hold. */
    public int forgetErasuresBefore(Instant horizon) {
        return db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM erased_resident WHERE erased_at < ?")) {
                s.setTimestamp(1, Timestamp.from(horizon));
                return s.executeUpdate();
            }
        });
    }
}
