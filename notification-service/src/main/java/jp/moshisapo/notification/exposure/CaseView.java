package jp.moshisapo.notification.exposure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import jp.moshisapo.notification.matching.MatchRule;
import jp.moshisapo.notification.notice.NoticeMessage;
import jp.moshisapo.notification.quota.QuotaCheck;

/**
 * A case as staff see it: its target, text (and the message residents will see), who did what, the live preview,
 * once sending, delivery figures, and (when read) what the reader may do with it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseView(long id, CaseState state, List<String> codes, List<Window> windows, MatchRule rule,
        String message, NoticeMessage notice, String note, String createdBy, OffsetDateTime createdAt,
        String approvedBy, OffsetDateTime approvedAt, String cancelledBy, OffsetDateTime cancelledAt,
        PreviewView preview, Delivery delivery, Pause pause, QuotaCheck quota, CaseActions actions) {

    public CaseView withActions(CaseActions actions) {
        return new CaseView(id, state, codes, windows, rule, message, notice, note, createdBy, createdAt, approvedBy,
                approvedAt, cancelledBy, cancelledAt, preview, delivery, pause, quota, actions);
    }

    /** With how this case fits the channel's monthly message quota. */
    public CaseView withQuota(QuotaCheck quota) {
        return new CaseView(id, state, codes, windows, rule, message, notice, note, createdBy, createdAt, approvedBy,
                approvedAt, cancelledBy, cancelledAt, preview, delivery, pause, quota, actions);
    }

    /**
     * Why sending stopped (while PAUSED) or last stopped: {@code cause} MONTHLY_LIMIT or CHANNEL_AUTH, LINE's answer,
     * when; and the last resume.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pause(String cause, String reason, OffsetDateTime pausedAt, OffsetDateTime resumedAt) {
    }

    /** A matching window in local time. */
    public record Window(OffsetDateTime from, OffsetDateTime to) {
    }

    /** Counts only: staff never see LINE user ids. */
    public record PreviewView(int recipients, int residents, int visits, int unreachable, int recentlyNotified,
            List<CodePreview> codes, OffsetDateTime countedAt) {
    }

    /**
     * One code's venue and reach; unknown venue fields stay null. {@code stayMinutes} is the stay the case assumes
     * there; {@code scannedInWindow} and {@code stayOverlaps} are the residents each rule reaches at this code
     * ({@code residents} is the one of the case's rule).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CodePreview(String code, String facilityName, String room, String codeStatus, int visits,
            int residents, long stayMinutes, int scannedInWindow, int stayOverlaps) {
    }

    /** What the fan-out fixed and did (the full report is at /report). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Delivery(Integer recipients, Integer skippedUnreachable, Integer skippedRecentlyNotified,
            OffsetDateTime plannedAt, OffsetDateTime finishedAt, String failureReason) {
    }
}
