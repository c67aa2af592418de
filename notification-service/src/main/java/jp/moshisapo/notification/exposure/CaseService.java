package jp.moshisapo.notification.exposure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.moshisapo.notification.audit.Actor;
import jp.moshisapo.notification.audit.AuditAction;
import jp.moshisapo.notification.audit.AuditLog;
import jp.moshisapo.notification.code.CodeDirectory;
import jp.moshisapo.notification.code.KnownCode;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.matching.Preview;
import jp.moshisapo.notification.matching.PreviewQuery;
import jp.moshisapo.problem.InvalidField;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.problem.Text;

/** The case workflow: draft with preview, four-eyes approval, cancel; every step audited in its transaction. */
@ApplicationScoped
public class CaseService {

    private final Db db;
    private final CaseRequestParser parser;
    private final CaseRepository cases;
    private final CodeDirectory codes;
    private final PreviewQuery previews;
    private final CaseViews views;
    private final AuditLog audit;
    private final Clock clock;
    private final Event<CaseEvents.Approved> approved;
    private final Event<CaseEvents.Cancelled> cancelled;

    CaseService(Db db, CaseRequestParser parser, CaseRepository cases, CodeDirectory codes, PreviewQuery previews,
            CaseViews views, AuditLog audit, Clock clock, Event<CaseEvents.Approved> approved,
            Event<CaseEvents.Cancelled> cancelled) {
        this.db = db;
        this.parser = parser;
        this.cases = cases;
        this.codes = codes;
        this.previews = previews;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
        this.approved = approved;
        this.cancelled = cancelled;
    }

    public CaseView create(CaseRequest request, Actor actor) {
        CaseDraft draft = parser.parse(request);
        Map<String, KnownCode> venues = requireKnown(request, draft);
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            long id = cases.insert(c, draft, actor, now);
            Preview preview = previews.preview(c, id, draft.target(), now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("codes", draft.target().codes().stream().map(CaseViews::displayCode).toList());
            details.put("windows", draft.target().windows().windows().stream()
                    .map(w -> views.local(w.start()) + "/" + views.local(w.end())).toList());
            details.putAll(counts(preview));
            audit.record(c, actor, AuditAction.CASE_CREATED, id, details);
            return views.view(cases.find(c, id).orElseThrow(), preview, venues, now);
        });
    }

    /** The case with its preview and what {@code actor} (an approver or not) may do with it, in {@code language}. */
    public CaseView get(long id, Actor actor, boolean approver, Language language) {
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            ExposureCase found = cases.find(c, id).orElseThrow(() -> notFound(id));
            Preview preview = previews.preview(c, id, found.target(), now);
            audit.recordView(c, actor, AuditAction.CASE_VIEWED, id, counts(preview));
            boolean ownCase = found.createdBy().subject().equals(actor.subject());
            return views.view(found, preview, codes.lookup(found.target().codes()), now)
                    .withActions(CaseActions.of(found.state(), ownCase, approver, language));
        });
    }

    public List<CaseSummary> list(CaseState state, long beforeId, int limit) {
        return db.inTransaction(c -> cases.list(c, state, beforeId, limit).stream().map(views::summary).toList());
    }

    /**
     * Four-eyes: the approver must hold the approver role (checked by the resource) and must not be the person
     * who created the case. A refused attempt is audited too.
     */
    public CaseView approve(long id, Actor approver) {
        Instant now = clock.instant();
        CaseView view = db.inTransaction(c -> {
            ExposureCase found = cases.lock(c, id).orElseThrow(() -> notFound(id));
            if (found.createdBy().subject().equals(approver.subject())) {
                return null; // refused below, after this transaction, so the refusal's audit entry commits
            }
            requireState(found, CaseState.DRAFT, CaseActions.NOT_DRAFT);
            // No preview here: sending starts on commit, and the planner audits the exact recipient counts.
            cases.approve(c, id, approver, now);
            audit.record(c, approver, AuditAction.CASE_APPROVED, id, Map.of("createdBy", found.createdBy().name()));
            return views.view(cases.find(c, id).orElseThrow(), null, Map.of(), now);
        });
        if (view == null) {
            db.inTransaction(c -> {
                audit.record(c, approver, AuditAction.APPROVAL_REFUSED, id, Map.of("reason", "self-approval"));
                return null;
            });
            throw new ProblemException(403, "self-approval", "Self-approval refused", CaseActions.OWN_CASE);
        }
        approved.fire(new CaseEvents.Approved(id));
        return view;
    }

    /** The kill switch: a draft or a case mid-send stops at once; batches not yet sent never go out. */
    public CaseView cancel(long id, Actor actor) {
        Instant now = clock.instant();
        CaseView view = db.inTransaction(c -> {
            ExposureCase found = cases.lock(c, id).orElseThrow(() -> notFound(id));
            if (found.state().isFinal()) {
                throw ProblemException.conflict(Text.of("この案件はすでに終了しています（" + found.state() + "）。",
                        "This case has already ended (" + found.state() + ")."));
            }
            cases.cancel(c, id, actor, now);
            int batchesCancelled = cancelPendingBatches(c, id, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("previousState", found.state().name());
            details.put("batchesCancelled", batchesCancelled);
            audit.record(c, actor, AuditAction.CASE_CANCELLED, id, details);
            return views.view(cases.find(c, id).orElseThrow(), null, Map.of(), now); // a kill switch answers at once
        });
        cancelled.fire(new CaseEvents.Cancelled(id));
        return view;
    }

    private static int cancelPendingBatches(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE delivery_batch SET status = 'CANCELLED', "
                + "recipients = NULL, finished_at = ? WHERE case_id = ? AND status = 'PENDING'")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setLong(2, id);
            return s.executeUpdate();
        }
    }

    /** Refuses codes that facility-service never issued: a mistyped but well-formed code must not match nothing. */
    private Map<String, KnownCode> requireKnown(CaseRequest request, CaseDraft draft) {
        Map<String, KnownCode> venues = codes.lookup(draft.target().codes());
        List<String> unknown = draft.target().codes().stream().filter(code -> !venues.containsKey(code)).toList();
        if (unknown.isEmpty()) {
            return venues;
        }
        List<InvalidField> errors = new ArrayList<>();
        List<String> display = unknown.stream().map(CaseViews::displayCode).toList();
        for (int i = 0; i < request.codes.size(); i++) {
            String typed = request.codes.get(i);
            String canonical = jp.moshisapo.protocol.code.PrintedCode.parse(typed).canonical();
            if (unknown.contains(canonical)) {
                String shown = CaseViews.displayCode(canonical);
                errors.add(InvalidField.of("codes[" + i + "]", Text.of("登録されていないコードです: " + shown,
                        "No venue has this code: " + shown)));
            }
        }
        throw new ProblemException(422, "unknown-codes", "Unknown codes", Text.of(
                "登録されていないコードがあります: " + String.join("、", display)
                        + "。施設に印刷されたコードを確認してください。",
                "Codes no venue was given: " + String.join(", ", display)
                        + ". Check the code printed at the venue."), errors, Map.of("unknownCodes", display));
    }

    private static Map<String, Object> counts(Preview preview) {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("recipients", preview.recipients());
        counts.put("residents", preview.residents());
        counts.put("visits", preview.visits());
        counts.put("unreachable", preview.unreachable());
        counts.put("recentlyNotified", preview.recentlyNotified());
        return counts;
    }

    private static void requireState(ExposureCase c, CaseState expected, Text detail) {
        if (c.state() != expected) {
            throw ProblemException.conflict(Text.of(detail.ja() + "（現在: " + c.state() + "）",
                    detail.en() + " (now: " + c.state() + ")"));
        }
    }

    static ProblemException notFound(long id) {
        return ProblemException.notFound(Text.of("案件 " + id + " は見つかりません。", "There is no case " + id + "."));
    }
}
