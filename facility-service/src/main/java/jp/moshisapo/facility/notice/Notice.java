package jp.moshisapo.facility.notice;

import java.time.Instant;
import java.util.UUID;

/** A notice as stored. */
public record Notice(UUID id, String subject, String body, String surveyUrl, Audience audience, State state,
        String createdBy, String createdByName, Instant createdAt, String approvedByName, Instant approvedAt,
        Integer recipients) {

    /** A notice is drafted, then approved (and sent); there is no way back. */
    public enum State { DRAFT, APPROVED }
}
