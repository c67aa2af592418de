package jp.moshisapo.notification.exposure;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.moshisapo.notification.audit.Actor;
import jp.moshisapo.notification.code.KnownCode;
import jp.moshisapo.notification.config.VisitStoreConfig;
import jp.moshisapo.notification.matching.CaseTarget;
import jp.moshisapo.notification.matching.Preview;
import jp.moshisapo.notification.notice.NoticeMessages;
import jp.moshisapo.protocol.code.PrintedCode;

/** Turns stored cases into what the admin API shows: display codes, local times, venue names. */
@ApplicationScoped
public class CaseViews {

    private final ZoneId zone;
    private final NoticeMessages notices;

    CaseViews(VisitStoreConfig config, NoticeMessages notices) {
        this.zone = config.zone();
        this.notices = notices;
    }

    /** {@code preview} may be null where counting would delay the answer (approve, cancel). */
    public CaseView view(ExposureCase c, Preview preview, Map<String, KnownCode> venues, Instant countedAt) {
        CaseView.Delivery delivery = c.state() == CaseState.DRAFT ? null : new CaseView.Delivery(c.recipients(),
                c.skippedUnreachable(), c.skippedRecentlyNotified(), local(c.plannedAt()), local(c.finishedAt()),
                c.failureReason());
        return new CaseView(c.id(), c.state(), display(c.target().codes()), windows(c), c.target().rule(),
                c.message(), notices.of(c.message()), c.note(),
                name(c.createdBy()), local(c.createdAt()), name(c.approvedBy()), local(c.approvedAt()),
                name(c.cancelledBy()), local(c.cancelledAt()),
                preview == null ? null : previewView(c.target(), preview, venues, countedAt), delivery, pause(c),
                null, null);
    }

    private CaseView.Pause pause(ExposureCase c) {
        return c.pausedAt() == null ? null
                : new CaseView.Pause(c.pauseCause(), c.pauseReason(), local(c.pausedAt()), local(c.resumedAt()));
    }

    public CaseSummary summary(ExposureCase c) {
        return new CaseSummary(c.id(), c.state(), display(c.target().codes()), windows(c), c.note(),
                name(c.createdBy()), local(c.createdAt()), name(c.approvedBy()), local(c.approvedAt()),
                local(c.finishedAt()), c.recipients());
    }

    public OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }

    public static String displayCode(String canonical) {
        return new PrintedCode(canonical).display();
    }

    private CaseView.PreviewView previewView(CaseTarget target, Preview p, Map<String, KnownCode> venues,
            Instant countedAt) {
        List<CaseView.CodePreview> codes = p.codes().stream().map(count -> {
            KnownCode venue = venues.get(count.code());
            return new CaseView.CodePreview(displayCode(count.code()), venue == null ? null : venue.facilityName(),
                    venue == null ? null : venue.room(), venue == null ? null : venue.status(), count.visits(),
                    count.residents(), stayMinutes(target, count.code()), count.scannedInWindow(),
                    count.stayOverlaps());
        }).toList();
        // Codes without a matching visit still appear, with zeros: "no one came" is an answer too.
        List<CaseView.CodePreview> silent = venues.values().stream()
                .filter(v -> p.codes().stream().noneMatch(count -> count.code().equals(v.code())))
                .map(v -> new CaseView.CodePreview(displayCode(v.code()), v.facilityName(), v.room(), v.status(), 0, 0,
                        stayMinutes(target, v.code()), 0, 0))
                .toList();
        List<CaseView.CodePreview> all = new java.util.ArrayList<>(codes);
        all.addAll(silent);
        return new CaseView.PreviewView(p.recipients(), p.residents(), p.visits(), p.unreachable(),
                p.recentlyNotified(), all, local(countedAt));
    }

    private static long stayMinutes(CaseTarget target, String code) {
        int i = target.codes().indexOf(code);
        return i < 0 ? 0 : target.stays().get(i).toMinutes();
    }

    private List<CaseView.Window> windows(ExposureCase c) {
        return c.target().windows().windows().stream()
                .map(w -> new CaseView.Window(local(w.start()), local(w.end()))).toList();
    }

    private static List<String> display(List<String> codes) {
        return codes.stream().map(CaseViews::displayCode).toList();
    }

    private static String name(Actor actor) {
        return actor == null ? null : actor.name();
    }
}
