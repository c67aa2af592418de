package jp.moshisapo.facility.jdbc;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/** Runs something once the caller's transaction has committed (never after a rollback): e.g. waking a relay. */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Registers {@code action}; fails when there is no transaction, since nothing would ever run it. */
    public static void run(TransactionSynchronizationRegistry transactions, Runnable action) {
        if (transactions.getTransactionKey() == null) {
            throw new IllegalStateException("rows announcing a change are written only inside its transaction");
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to do before the commit
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
