package jp.moshisapo.notification.fanout;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.moshisapo.notification.audit.Actor;
import jp.moshisapo.notification.audit.AuditAction;
import jp.moshisapo.notification.audit.AuditLog;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.exposure.CaseRepository;
import jp.moshisapo.notification.exposure.CaseViews;
import jp.moshisapo.notification.exposure.ExposureCase;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.problem.Text;

/** Builds a case's {@link DeliveryReport} from its batches. */
@ApplicationScoped
public class DeliveryReports {

    private static final int MAX_FAILURES_LISTED = 50;

    private final Db db;
    private final CaseRepository cases;
    private final CaseViews views;
    private final AuditLog audit;

    DeliveryReports(Db db, CaseRepository cases, CaseViews views, AuditLog audit) {
        this.db = db;
        this.cases = cases;
        this.views = views;
        this.audit = audit;
    }

    public DeliveryReport report(long caseId, Actor reader) {
        return db.inTransaction(c -> {
            ExposureCase exposure = cases.find(caseId)
                    .orElseThrow(() -> ProblemException.notFound(Text.of("案件 " + caseId + " は見つかりません。",
                            "There is no case " + caseId + ".")));
            DeliveryReport report = build(c, exposure);
            audit.recordView(reader, AuditAction.REPORT_VIEWED, caseId, Map.of("delivered",
                    report.recipients().delivered(), "failed", report.recipients().failed()));
            return report;
        });
    }

    private DeliveryReport build(Connection c, ExposureCase e) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                SELECT count(*),
                       count(*) FILTER (WHERE status = 'SENT'), count(*) FILTER (WHERE status = 'FAILED'),
                       count(*) FILTER (WHERE status = 'CANCELLED'), count(*) FILTER (WHERE status = 'PENDING'),
                       coalesce(sum(recipient_count), 0),
                       coalesce(sum(recipient_count) FILTER (WHERE status = 'SENT'), 0),
                       coalesce(sum(recipient_count) FILTER (WHERE status = 'FAILED'), 0),
                       coalesce(sum(recipient_count) FILTER (WHERE status = 'CANCELLED'), 0),
                       coalesce(sum(recipient_count) FILTER (WHERE status = 'PENDING'), 0),
                       count(*) FILTER (WHERE status = 'UNCONFIRMED'),
                       coalesce(sum(recipient_count) FILTER (WHERE status = 'UNCONFIRMED'), 0),
                       coalesce(sum(greatest(attempts - 1, 0)), 0),
                       min(first_attempt_at), max(finished_at) FILTER (WHERE status = 'SENT'),
                       coalesce(sum(erased_before_sending), 0), count(*) FILTER (WHERE status = 'SKIPPED')
                FROM delivery_batch WHERE case_id = ?
                """)) {
            s.setLong(1, e.id());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Instant first = instant(rs.getTimestamp(14));
                Instant last = instant(rs.getTimestamp(15));
                Instant end = e.finishedAt() != null ? e.finishedAt() : last;
                Double seconds = e.approvedAt() == null || end == null ? null
                        : Duration.between(e.approvedAt(), end).toMillis() / 1000.0;
                return new DeliveryReport(e.id(), e.state(), e.approvedBy() == null ? null : e.approvedBy().name(),
                        views.local(e.approvedAt()), views.local(e.plannedAt()), views.local(first),
                        views.local(last), views.local(e.finishedAt()), seconds, e.failureReason(),
                        new DeliveryReport.Recipients(rs.getInt(6) + rs.getInt(16), rs.getInt(7), rs.getInt(8),
                                rs.getInt(9), rs.getInt(12), rs.getInt(10), rs.getInt(16), e.skippedUnreachable(),
                                e.skippedRecentlyNotified()),
                        new DeliveryReport.Batches(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                                rs.getInt(11), rs.getInt(5), rs.getInt(17), rs.getInt(13)),
                        failures(c, e.id()));
            }
        }
    }

    private static List<DeliveryReport.FailedBatch> failures(Connection c, long caseId) throws SQLException {
        List<DeliveryReport.FailedBatch> failures = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT seq, recipient_count, attempts, last_error "
                + "FROM delivery_batch WHERE case_id = ? AND status = 'FAILED' ORDER BY seq LIMIT ?")) {
            s.setLong(1, caseId);
            s.setInt(2, MAX_FAILURES_LISTED);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    failures.add(new DeliveryReport.FailedBatch(rs.getInt(1), rs.getInt(2), rs.getInt(3),
                            rs.getString(4)));
                }
            }
        }
        return failures;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
