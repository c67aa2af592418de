package jp.moshisapo.notification.exposure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/** A line of the case list: enough to pick a case, no preview (that is one request per case). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaseSummary(long id, CaseState state, List<String> codes, List<CaseView.Window> windows, String note,
        String createdBy, OffsetDateTime createdAt, String approvedBy, OffsetDateTime approvedAt,
        OffsetDateTime finishedAt, Integer recipients) {
}
