package jp.moshisapo.notification.fanout;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.Sealed;
import jp.moshisapo.notification.visit.ErasureStep;

/**
 * A resident's erasure in the delivery batches, inside the erasure's transaction: their key leaves every batch
 * ("this resident was sent the notice of case N" is gone), and a batch not yet tried loses them as a recipient,
 * so they are not sent it. A batch already tried once keeps its recipients: LINE may have delivered it, and a
 * retry must carry what the first request did under the same retry key. The row lock orders this against the
 * sender's claim ({@link BatchStore#claim}): either the erasure comes first and the request leaves without them,
 * or the claim does and the erasure leaves that batch's recipients alone.
 */
@ApplicationScoped
class BatchErasure implements ErasureStep {

    private final Keyring keyring;

    BatchErasure(Keyring keyring) {
        this.keyring = keyring;
    }

    @Override
    public void erase(Connection c, byte[] residentKey) throws SQLException {
        int keysRemoved = 0;
        int recipientsRemoved = 0;
        // position() finds the key at any byte offset; BatchMembers checks it sits at a key boundary.
        try (PreparedStatement s = c.prepareStatement("SELECT case_id, seq, status = 'PENDING' AND first_attempt_at "
                + "IS NULL, resident_keys, key_id, recipients FROM delivery_batch WHERE resident_keys IS NOT NULL "
                + "AND position(? IN resident_keys) > 0 ORDER BY case_id, seq FOR UPDATE");
                PreparedStatement keysOnly = c.prepareStatement("UPDATE delivery_batch SET resident_keys = ? "
                        + "WHERE case_id = ? AND seq = ?");
                PreparedStatement recipient = c.prepareStatement("UPDATE delivery_batch SET resident_keys = ?, "
                        + "key_id = ?, recipients = ?, recipient_count = recipient_count - 1, "
                        + "erased_before_sending = erased_before_sending + 1 WHERE case_id = ? AND seq = ?")) {
            s.setBytes(1, residentKey);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] keys = rs.getBytes(4);
                    if (!BatchMembers.holds(keys, residentKey)) {
                        continue;
                    }
                    long caseId = rs.getLong(1);
                    int seq = rs.getInt(2);
                    if (rs.getBoolean(3) && rs.getBytes(6) != null) {
                        BatchMembers rest = openWithout(caseId, seq, new Sealed(rs.getString(5), rs.getBytes(6)),
                                keys, residentKey);
                        if (rest != null) {
                            Sealed sealed = rest.size() == 0 ? null : rest.seal(keyring);
                            recipient.setBytes(1, rest.size() == 0 ? null : rest.residentKeys());
                            recipient.setString(2, sealed == null ? rs.getString(5) : sealed.keyId());
                            recipient.setBytes(3, sealed == null ? null : sealed.bytes());
                            recipient.setLong(4, caseId);
                            recipient.setInt(5, seq);
                            recipient.executeUpdate();
                            recipientsRemoved++;
                            keysRemoved++;
                        }
                        continue;
                    }
                    keysOnly.setBytes(1, BatchMembers.withoutKey(keys, residentKey));
                    keysOnly.setLong(2, caseId);
                    keysOnly.setInt(3, seq);
                    keysOnly.executeUpdate();
                    keysRemoved++;
                }
            }
        }
        if (keysRemoved > 0) {
            Log.infof("Erasure reached %d delivery batches; taken out of %d not yet sent", keysRemoved,
                    recipientsRemoved);
        }
    }

    /**
     * The batch without the resident, or null when its recipients cannot be opened (sealed under a key since
     * removed from the keyring). Such a batch is left whole, keys included, so its two lists stay aligned: it
     * cannot be sent either, and if the key comes back, the sender's own erasure check takes the resident out.
     */
    private BatchMembers openWithout(long caseId, int seq, Sealed recipients, byte[] keys, byte[] residentKey) {
        try {
            return BatchMembers.open(keyring, recipients, keys).without(k -> Arrays.equals(k, residentKey));
        } catch (IllegalStateException e) {
            Log.warnf("Erasure could not open batch %d of case %d (%s); the sender checks erasures before sending it",
                    seq, caseId, e.getMessage());
            return null;
        }
    }
}
