package jp.moshisapo.notification.exposure;

/** CDI events fired after a case change is committed, for the fan-out to act on without polling. */
public final class CaseEvents {

    /** A case was approved and is now SENDING. */
    public record Approved(long caseId) {
    }

    /** An approver resumed a PAUSED case; it is SENDING again. */
    public record Resumed(long caseId) {
    }

    /** The fan-out paused these cases (LINE's monthly limit, or the channel's token); their runs must stop. */
    public record Paused(java.util.List<Long> caseIds) {
    }

    /** A case was cancelled; anything still queued for it must not go out. */
    public record Cancelled(long caseId) {
    }

    private CaseEvents() {
    }
}
