package jp.moshisapo.notification.visit;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import jp.moshisapo.notification.crypto.ResidentIndex;
import jp.moshisapo.notification.db.Db;

/** What residents asked for or did: erasure of their visits, and whether they can be messaged at all. */
@ApplicationScoped
public class Residents {

    private final Db db;
    private final ResidentIndex index;

    Residents(Db db, ResidentIndex index) {
        this.db = db;
        this.index = index;
    }

    /**
     * Deletes every stored visit of the resident and remembers the request, so a visit recorded before it that
     * arrives late is not stored again. Returns the number of visits deleted.
     */
    public int erase(String lineUserId, Instant requestedAt) {
        byte[] key = index.keyOf(lineUserId);
        int deleted = db.inTransaction(c -> {
            try (PreparedStatement tombstone = c.prepareStatement("""
                    INSERT INTO erased_resident (resident_key, erased_at) VALUES (?, ?)
                    ON CONFLICT (resident_key) DO UPDATE SET erased_at = greatest(erased_resident.erased_at,
                                                                                  excluded.erased_at)
                    """);
                    PreparedStatement delete = c.prepareStatement("DELETE FROM visit WHERE resident_key = ?")) {
                tombstone.setBytes(1, key);
                tombstone.setTimestamp(2, Timestamp.from(requestedAt));
                tombstone.executeUpdate();
                delete.setBytes(1, key);
                return delete.executeUpdate();
            }
        });
        Log.infof("Erased %d visits of one resident on request", deleted);
        return deleted;
    }

    public void unreachable(String lineUserId, Instant since) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO unreachable_resident (resident_key, since) "
                    + "VALUES (?, ?) ON CONFLICT (resident_key) DO NOTHING")) {
                s.setBytes(1, index.keyOf(lineUserId));
                s.setTimestamp(2, Timestamp.from(since));
                return s.executeUpdate();
            }
        });
    }

    public void reachable(String lineUserId) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM unreachable_resident WHERE resident_key = ?")) {
                s.setBytes(1, index.keyOf(lineUserId));
                return s.executeUpdate();
            }
        });
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
