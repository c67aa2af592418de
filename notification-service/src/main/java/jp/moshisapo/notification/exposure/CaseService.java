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
import jp.moshisapo.notification.config.StayConfig;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.matching.Preview;
import jp.moshisapo.notification.matching.PreviewQuery;
import jp.moshisapo.problem.InvalidField;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.problem.Text;
import jp.moshisapo.notification.quota.LineQuotaClient;
import jp.moshisapo.notification.quota.MessageQuota;
import jp.moshisapo.notification.quota.QuotaCheck;

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
    private final StayConfig stays;
    private final Event<CaseEvents.Approved> approved;
    private final Event<CaseEvents.Cancelled> cancelled;
    private final Event<CaseEvents.Resumed> resumed;
    private final LineQuotaClient quota;

    CaseService(Db db, CaseRequestParser parser, CaseRepository cases, CodeDirectory codes, PreviewQuery previews,
            CaseViews views, AuditLog audit, Clock clock, StayConfig stays, Event<CaseEvents.Approved> approved,
            Event<CaseEvents.Cancelled> cancelled, Event<CaseEvents.Resumed> resumed, LineQuotaClient quota) {
        this.db = db;
        this.parser = parser;
        this.cases = cases;
        this.codes = codes;
        this.previews = previews;
        this.views = views;
        this.audit = audit;
        this.clock = clock;
        this.stays = stays;
        this.approved = approved;
        this.cancelled = cancelled;
        this.resumed = resumed;
        this.quota = quota;
    }

    public CaseView create(CaseRequest request, Actor actor) {
        CaseDraft parsed = parser.parse(request);
        Map<String, KnownCode> venues = requireKnown(request, parsed);
        CaseDraft draft = parsed.withTarget(parsed.target().withStays(code -> stays.of(venues.get(code).businessType())));
        Instant now = clock.instant();
        return db.inTransaction(c -> {
            long id = cases.insert(draft, actor, now);
            Preview preview = previews.preview(c, id, draft.target(), now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("codes", draft.target().codes().stream().map(CaseViews::displayCode).toList());
            details.put("windows", draft.target().windows().windows().stream()
                    .map(w -> views.local(w.start()) + "/" + views.local(w.end())).toList());
            details.put("rule", draft.target().rule().name());
            details.putAll(counts(preview));
            // what will be sent if approved, word for word (the text cannot change after the draft)
            details.put("template", draft.template());
            details.put("message", draft.message());
            audit.record(actor, AuditAction.CASE_CREATED, id, details);
            return views.view(cases.find(id).orElseThrow(), preview, venues, now);
        });
    }

    /** The case with its preview and what {@code actor} (an approver or not) may do with it, in {@code language}. */
    public CaseView get(long id, Actor actor, boolean approver, Language language) {
        Instant now = clock.instant();
        MessageQuota month = quota.read(); // before the transaction: LINE may take seconds to answer
        return db.inTransaction(c -> {
            ExposureCase found = cases.find(id).orElseThrow(() -> notFound(id));
            Preview preview = previews.preview(c, id, found.target(), now);
            audit.recordView(actor, AuditAction.CASE_VIEWED, id, counts(preview));
            boolean ownCase = found.createdBy().subject().equals(actor.subject());
            QuotaCheck check = quotaCheck(found, preview, month);
            return views.view(found, preview, codes.lookup(found.target().codes()), now).withQuota(check)
                    .withActions(CaseActions.of(found.state(), ownCase, approver, check, language));
        });
    }

    /**
     * What the case still needs of this month's quota: a draft its preview's recipients, a sending or paused case
     * its unsent batches; a finished case nothing. Other cases' unsent batches are counted as taken.
     */
    private QuotaCheck quotaCheck(ExposureCase found, Preview preview, MessageQuota month) {
        if (found.state().isFinal()) {
            return null;
        }
        long uses = found.state() == CaseState.DRAFT ? preview.recipients() : cases.unsentMessages(found.id());
        long committed = month.known() && month.limited() ? cases.committedMessages(found.id()) : 0;
        return QuotaCheck.of(month, uses, committed);
    }

    public List<CaseSummary> list(CaseState state, long beforeId, int limit) {
        return db.inTransaction(() -> cases.list(state, beforeId, limit).stream().map(views::summary).toList());
    }

    /**
     * Four-eyes: the approver must hold the approver role (checked by the resource) and must not be the person
     * who created the case. A refused attempt is audited too.
     */
    public CaseView approve(long id, Actor approver) {
        Instant now = clock.instant();
        MessageQuota month = quota.read();
        Approval approval = db.inTransaction(c -> {
            ExposureCase found = cases.lock(id).orElseThrow(() -> notFound(id));
            if (found.createdBy().subject().equals(approver.subject())) {
                return Approval.SELF; // refused below, after this transaction, so the refusal's audit entry commits
            }
            requireState(found, CaseState.DRAFT, CaseActions.NOT_DRAFT);
            // Counted only when the plan has a limit (production plans without one skip the match query).
            if (month.known() && month.limited()) {
                QuotaCheck check = quotaCheck(found, previews.preview(c, id, found.target(), now), month);
                if (check.exceeds()) {
                    return new Approval(null, check);
                }
            }
            cases.approve(id, approver, now);
            audit.record(approver, AuditAction.CASE_APPROVED, id, Map.of("createdBy", found.createdBy().name(),
                    "message", found.message()));
            return new Approval(views.view(cases.find(id).orElseThrow(), null, Map.of(), now), null);
        });
        if (approval == Approval.SELF) {
            refused(id, approver, Map.of("reason", "self-approval"));
            throw new ProblemException(403, "self-approval", "Self-approval refused", CaseActions.OWN_CASE);
        }
        if (approval.overQuota() != null) {
            QuotaCheck q = approval.overQuota();
            refused(id, approver, quotaDetails(q));
            throw overQuota(q, Text.of(CaseActions.OVER_QUOTA.ja() + "（この案件: " + q.caseUses() + " 通、今月の残り: "
                    + Math.max(0, q.remaining()) + " 通）", CaseActions.OVER_QUOTA.en() + " (this case: "
                    + q.caseUses() + " messages, left this month: " + Math.max(0, q.remaining()) + ")"));
        }
        approved.fire(new CaseEvents.Approved(id));
        return approval.view();
    }

    /**
     * PAUSED → SENDING, by an approver (checked by the resource), audited. The unsent batches go out with their
     * original retry keys; a case whose unsent batches do not fit a known monthly limit is refused as approval is,
     * since it would pause again at once.
     */
    public CaseView resume(long id, Actor actor) {
        Instant now = clock.instant();
        MessageQuota month = quota.read();
        Approval resumption = db.inTransaction(c -> {
            ExposureCase found = cases.lock(id).orElseThrow(() -> notFound(id));
            requireState(found, CaseState.PAUSED, CaseActions.NOT_PAUSED);
            QuotaCheck check = quotaCheck(found, null, month);
            if (check.exceeds()) {
                return new Approval(null, check);
            }
            cases.resume(id, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("pauseCause", found.pauseCause());
            details.put("pauseReason", found.pauseReason());
            details.put("unsentMessages", check.caseUses());
            audit.record(actor, AuditAction.CASE_RESUMED, id, details);
            return new Approval(views.view(cases.find(id).orElseThrow(), null, Map.of(), now), null);
        });
        if (resumption.overQuota() != null) {
            QuotaCheck q = resumption.overQuota();
            throw overQuota(q, Text.of("今月のメッセージ通数の上限に足りないため再開できません（未送信: " + q.caseUses()
                    + " 通、今月の残り: " + Math.max(0, q.remaining()) + " 通）。プランで上限を引き上げてから再開してください。",
                    "Not enough of this month's message limit is left to resume (unsent: " + q.caseUses()
                            + ", left: " + Math.max(0, q.remaining()) + "). Raise the limit, then resume."));
        }
        resumed.fire(new CaseEvents.Resumed(id));
        return resumption.view();
    }

    /** The outcome of an approval or resume transaction: the view, or why it was refused. */
    private record Approval(CaseView view, QuotaCheck overQuota) {
        static final Approval SELF = new Approval(null, null);
    }

    private void refused(long id, Actor approver, Map<String, Object> details) {
        db.inTransaction(() -> {
            audit.record(approver, AuditAction.APPROVAL_REFUSED, id, details);
            return null;
        });
    }

    /** 422 {@code over-quota}: the figures are in the detail for people and in the extensions for programs. */
    private static ProblemException overQuota(QuotaCheck q, Text detail) {
        return new ProblemException(422, "over-quota", "Over the monthly message limit", detail, List.of(),
                quotaDetails(q));
    }

    private static Map<String, Object> quotaDetails(QuotaCheck q) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", "over-quota");
        details.put("caseMessages", q.caseUses());
        details.put("monthlyLimit", q.limit());
        details.put("usedThisMonth", q.used());
        details.put("committedToOtherCases", q.committed());
        details.put("remaining", q.remaining());
        return details;
    }

    /** The kill switch: a draft or a case mid-send stops at once; batches not yet sent never go out. */
    public CaseView cancel(long id, Actor actor) {
        Instant now = clock.instant();
        CaseView view = db.inTransaction(c -> {
            ExposureCase found = cases.lock(id).orElseThrow(() -> notFound(id));
            if (found.state().isFinal()) {
                throw ProblemException.conflict(Text.of("この案件はすでに終了しています（" + found.state() + "）。",
                        "This case has already ended (" + found.state() + ")."));
            }
            cases.cancel(id, actor, now);
            int batchesCancelled = cancelPendingBatches(c, id, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("previousState", found.state().name());
            details.put("batchesCancelled", batchesCancelled);
            audit.record(actor, AuditAction.CASE_CANCELLED, id, details);
            return views.view(cases.find(id).orElseThrow(), null, Map.of(), now); // a kill switch answers at once
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
