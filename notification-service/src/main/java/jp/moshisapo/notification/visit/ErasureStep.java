package jp.moshisapo.notification.visit;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A part of a resident's erasure that lives in a feature above this package (the fan-out's batches): it runs in
 * the erasure's own transaction, so a resident is erased everywhere at once or, on failure, nowhere yet and the
 * event is retried. Implementations are found by type, so this package never imports theirs.
 */
public interface ErasureStep {

    void erase(Connection c, byte[] residentKey) throws SQLException;
}
