package jp.moshisapo.notification.quota;

/**
 * Whether a case fits this month's quota: what it will use, what LINE says is left, and what cases already
 * approved will still use (their unsent batches), so two cases approved one after the other cannot both count the
 * same free messages.
 *
 * @param status      {@code unlimited} (plan without a limit), {@code fits}, {@code exceeds}, or {@code unknown}
 *                    (LINE could not be asked)
 * @param caseUses    messages this case will use: one message per recipient
 * @param limit       the monthly limit, when limited
 * @param used        messages LINE counted this month, when known
 * @param committed   unsent messages of cases already sending or paused, when limited
 * @param remaining   what is left for this case: limit − used − committed (may be negative), when limited
 * @param problem     why the quota is unknown
 */
public record QuotaCheck(String status, long caseUses, Long limit, Long used, Long committed, Long remaining,
        String problem) {

    public static QuotaCheck of(MessageQuota quota, long caseUses, long committed) {
        if (!quota.known()) {
            return new QuotaCheck("unknown", caseUses, null, null, null, null, quota.problem());
        }
        if (!quota.limited()) {
            return new QuotaCheck("unlimited", caseUses, null, quota.used(), null, null, null);
        }
        long remaining = quota.limit() - quota.used() - committed;
        return new QuotaCheck(caseUses <= remaining ? "fits" : "exceeds", caseUses, quota.limit(), quota.used(),
                committed, remaining, null);
    }

    public boolean exceeds() {
        return "exceeds".equals(status);
    }
}
