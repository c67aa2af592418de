package jp.moshisapo.notification.fanout;

import java.util.UUID;
import jp.moshisapo.notification.crypto.Sealed;

/** A batch the planner fixed: its recipients (sealed), their resident keys, and the retry key it will always use. */
record PlannedBatch(int seq, UUID retryKey, int recipientCount, byte[] residentKeys, Sealed recipients) {
}
