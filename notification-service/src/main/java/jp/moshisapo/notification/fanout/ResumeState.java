package jp.moshisapo.notification.fanout;

import java.util.List;
import jp.moshisapo.notification.matching.ResidentKeySet;

/**
 * What the database says about a case's batches when a run starts: unfinished ones to send, how many are final,
 * and who is already planned (so planning continues without a second message to anyone).
 */
record ResumeState(List<BatchJob> pending, int batches, int finals, int failed, int recipients,
        ResidentKeySet planned, int nextSeq) {
}
