package jp.moshisapo.notification.crypto;

/** Associated data of each sealed column: a value sealed for one column does not open as another. */
public final class Purpose {

    /** visit.user_id: one resident's LINE user id. */
    public static final String VISIT_USER_ID = "visit.user_id";
    /** delivery_batch.recipients: a batch's LINE user ids, newline separated. */
    public static final String BATCH_RECIPIENTS = "delivery_batch.recipients";

    private Purpose() {
    }
}
