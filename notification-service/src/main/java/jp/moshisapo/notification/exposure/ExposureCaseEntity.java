package jp.moshisapo.notification.exposure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import jp.moshisapo.notification.audit.Actor;
import jp.moshisapo.notification.matching.CaseTarget;
import jp.moshisapo.notification.matching.MatchRule;
import jp.moshisapo.notification.matching.StoredTarget;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A row of {@code notification.exposure_case} as Hibernate keeps it; the rest of the service sees
 * {@link ExposureCase}, a record, and only {@link CaseRepository} touches this class. The fan-out writes the
 * planning and finishing columns in plain SQL ({@code BatchStore}); {@link DynamicUpdate} makes Hibernate write
 * only the columns a state change set, never an older copy of those. Public fields: Panache turns them into
 * accessors, so Hibernate sees every change.
 */
@Entity
@DynamicUpdate
@Table(schema = "notification", name = "exposure_case")
public class ExposureCaseEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    public CaseState state;

    /** The target: codes, disjoint sorted windows [start, end), the rule, each code's stay in seconds. */
    @Column(columnDefinition = "text[]")
    public String[] codes;

    @Column(name = "window_starts", columnDefinition = "timestamptz[]")
    public Instant[] windowStarts;

    @Column(name = "window_ends", columnDefinition = "timestamptz[]")
    public Instant[] windowEnds;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_rule")
    public MatchRule matchRule;

    /** Null for cases from before stays existed: they match by scan, as they were previewed. */
    @Column(name = "stay_seconds", columnDefinition = "integer[]")
    public Integer[] staySeconds;

    public String message;
    public String note;

    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_by_name")
    public String createdByName;
    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "approved_by")
    public String approvedBy;
    @Column(name = "approved_by_name")
    public String approvedByName;
    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "cancelled_by")
    public String cancelledBy;
    @Column(name = "cancelled_by_name")
    public String cancelledByName;
    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "planned_at")
    public Instant plannedAt;
    public Integer recipients;
    @Column(name = "skipped_unreachable")
    public Integer skippedUnreachable;
    @Column(name = "skipped_recently_notified")
    public Integer skippedRecentlyNotified;
    @Column(name = "finished_at")
    public Instant finishedAt;
    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "pause_cause")
    public String pauseCause;
    @Column(name = "pause_reason")
    public String pauseReason;
    @Column(name = "paused_at")
    public Instant pausedAt;
    @Column(name = "resumed_at")
    public Instant resumedAt;

    static ExposureCaseEntity draft(CaseDraft draft, Actor author, Instant now) {
        ExposureCaseEntity row = new ExposureCaseEntity();
        CaseTarget target = draft.target();
        row.state = CaseState.DRAFT;
        row.codes = target.codes().toArray(String[]::new);
        row.windowStarts = target.windows().starts();
        row.windowEnds = target.windows().ends();
        row.matchRule = target.rule();
        row.staySeconds = target.stays().stream().map(stay -> (int) stay.toSeconds()).toArray(Integer[]::new);
        row.message = draft.message();
        row.note = draft.note();
        row.createdBy = author.subject();
        row.createdByName = author.name();
        row.createdAt = now;
        return row;
    }

    ExposureCase toCase() {
        return new ExposureCase(id, state, target(), message, note, actor(createdBy, createdByName), createdAt,
                actor(approvedBy, approvedByName), approvedAt, actor(cancelledBy, cancelledByName), cancelledAt,
                plannedAt, recipients, skippedUnreachable, skippedRecentlyNotified, finishedAt, failureReason,
                pauseCause, pauseReason, pausedAt, resumedAt);
    }

    private CaseTarget target() {
        return StoredTarget.of(codes, windowStarts, windowEnds, matchRule, staySeconds);
    }

    private static Actor actor(String subject, String name) {
        return subject == null ? null : new Actor(subject, name);
    }
}
