package jp.moshisapo.notification.quota;

/**
 * The channel's monthly message quota as LINE reported it, or why it could not be read.
 *
 * @param known   false when LINE could not be asked (unreachable, error answer): the other fields are then unset
 * @param limited true when the plan sets a monthly limit ({@code type: limited}); false for {@code type: none}
 * @param limit   the monthly limit (messages), when limited
 * @param used    messages sent this month ({@code totalUsage}), when known
 * @param problem why the quota is unknown, for staff and logs (never a token)
 */
public record MessageQuota(boolean known, boolean limited, long limit, long used, String problem) {

    public static MessageQuota unlimited(long used) {
        return new MessageQuota(true, false, 0, used, null);
    }

    public static MessageQuota limited(long limit, long used) {
        return new MessageQuota(true, true, limit, used, null);
    }

    public static MessageQuota unknown(String problem) {
        return new MessageQuota(false, false, 0, 0, problem);
    }

    /** Messages still free this month (never negative); meaningful only when known and limited. */
    public long remaining() {
        return Math.max(0, limit - used);
    }
}
