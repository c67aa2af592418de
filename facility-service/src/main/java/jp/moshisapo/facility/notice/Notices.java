package jp.moshisapo.facility.notice;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.facility.audit.Actor;
import jp.moshisapo.facility.audit.AuditAction;
import jp.moshisapo.facility.audit.StaffAuditLog;
import jp.moshisapo.facility.problem.Refusals;
import jp.moshisapo.facility.text.Texts;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.facility.text.VenueTexts;

/**
 * Notices to venues with four eyes: one staff member drafts (and sees the audience's size), another approves;
 * approval fixes the audience and queues one mail per venue in the same transaction, audited in the staff log.
 */
@ApplicationScoped
public class Notices {

    private final NoticeRepository notices;
    private final NoticeMails mails;
    private final StaffAuditLog audit;

    Notices(NoticeRepository notices, NoticeMails mails, StaffAuditLog audit) {
        this.notices = notices;
        this.mails = mails;
        this.audit = audit;
    }

    @Transactional
    public Notice draft(Actor author, NoticeRequest request) {
        NoticeValidator.Valid valid = NoticeValidator.validate(request);
        UUID id = UUID.randomUUID();
        notices.insert(id, valid, author.subject(), author.name());
        audit.record(author, AuditAction.NOTICE_DRAFTED, Map.of("notice", id.toString(),
                "audience", notices.audienceSize(valid.audience())));
        return notices.find(id, false).orElseThrow();
    }

    public Notice get(UUID id) {
        return notices.find(id, false).orElseThrow(() -> Refusals.notFound(VenueTexts::problem_notice_not_found));
    }

    public List<Notice> newest(int limit) {
        return notices.newest(limit);
    }

    public long audienceSize(Notice notice) {
        return notices.audienceSize(notice.audience());
    }

    public Map<String, Long> delivery(UUID id) {
        return notices.delivery(id);
    }

    /** Approves a draft: the approver must be someone else; a second approval changes nothing. */
    @Transactional
    public Notice approve(Actor approver, UUID id) {
        Notice notice = notices.find(id, true)
                .orElseThrow(() -> Refusals.notFound(VenueTexts::problem_notice_not_found));
        if (notice.state() == Notice.State.APPROVED) {
            return notice;
        }
        if (notice.createdBy().equals(approver.subject())) {
            // Kept although this transaction rolls back, as notification-service keeps a case's refused approval.
            QuarkusTransaction.requiringNew().run(() -> audit.record(approver, AuditAction.NOTICE_APPROVAL_REFUSED,
                    Map.of("notice", id.toString())));
            throw new ProblemException(403, "self-approval", "Self-approval refused",
                    Texts.bilingual(VenueTexts::problem_notice_own_draft));
        }
        List<Map.Entry<Facility, UUID>> audience = notices.audience(notice.audience());
        for (Map.Entry<Facility, UUID> venue : audience) {
            mails.queue(notice, venue.getKey(), venue.getValue());
        }
        notices.approve(id, approver.subject(), approver.name(), audience.size());
        audit.record(approver, AuditAction.NOTICE_APPROVED, Map.of("notice", id.toString(),
                "recipients", audience.size()));
        return notices.find(id, false).orElseThrow();
    }

    /** One-click unsubscribe: clears the venue's opt-in; an unknown key answers the same. */
    @Transactional
    public void unsubscribe(UUID key) {
        notices.unsubscribe(key);
    }
}
