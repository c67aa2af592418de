package jp.moshisapo.notification.exposure;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jp.moshisapo.notification.config.CaseConfig;
import jp.moshisapo.notification.matching.CaseTarget;
import jp.moshisapo.notification.matching.MatchRule;
import jp.moshisapo.notification.matching.MatchWindows;
import jp.moshisapo.notification.matching.TimeWindow;
import jp.moshisapo.notification.notice.NoticeTemplate;
import jp.moshisapo.notification.notice.NoticeText;
import jp.moshisapo.notification.visit.Retention;
import jp.moshisapo.problem.InvalidField;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.problem.Text;
import jp.moshisapo.protocol.code.InvalidCodeException;
import jp.moshisapo.protocol.code.PrintedCode;

/**
 * Turns what staff typed into a {@link CaseDraft}, collecting every mistake with a message they can act on.
 * Codes may be typed any way people read them out (lower case, hyphens, O for 0); dates are whole local days.
 */
@ApplicationScoped
public class CaseRequestParser {

    static final int MAX_CODES = 100;
    static final int MAX_DATES = 31;
    static final Duration MAX_WINDOW = Duration.ofDays(31);
    static final int MAX_NOTE = 500;
    static final int MAX_EXTRA_TEXT = 1000;

    private final Retention retention;
    private final NoticeText notice;
    private final Clock clock;
    private final Duration minWindow;

    CaseRequestParser(Retention retention, NoticeText notice, Clock clock, CaseConfig config) {
        if (config.minWindow().isNegative() || config.minWindow().compareTo(MAX_WINDOW) > 0) {
            throw new IllegalArgumentException("moshisapo.notification.cases.min-window must be 0 to 31 days");
        }
        this.retention = retention;
        this.notice = notice;
        this.clock = clock;
        this.minWindow = config.minWindow();
    }

    public CaseDraft parse(CaseRequest request) {
        Instant now = clock.instant();
        List<InvalidField> errors = new ArrayList<>();
        request.unknownFields.forEach(f -> errors.add(InvalidField.of(f,
                Text.of("この項目は受け付けていません。", "This field is not accepted."))));
        List<String> codes = codes(request.codes, errors);
        List<TimeWindow> windows = windows(request, now, errors);
        NoticeTemplate template = template(request.template, errors);
        String message = message(request, template, errors);
        String note = note(request.note, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        // Whole days match by scan as they always did; a window in hours matches by time of stay.
        MatchRule rule = request.dates != null ? MatchRule.SCAN : MatchRule.STAY;
        return new CaseDraft(CaseTarget.of(codes, MatchWindows.merge(windows), rule), message,
                (template != null ? template : notice.templates().get(0)).id(), note);
    }

    private static List<String> codes(List<String> given, List<InvalidField> errors) {
        if (given == null || given.isEmpty()) {
            errors.add(InvalidField.of("codes", Text.of("施設のコードを1つ以上入力してください。",
                    "Enter at least one venue code.")));
            return List.of();
        }
        if (given.size() > MAX_CODES) {
            errors.add(InvalidField.of("codes", Text.of("コードは1件あたり" + MAX_CODES + "個までです。",
                    "A case can have at most " + MAX_CODES + " codes.")));
            return List.of();
        }
        Set<String> codes = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            try {
                codes.add(PrintedCode.parse(given.get(i)).canonical());
            } catch (InvalidCodeException e) {
                errors.add(InvalidField.of("codes[" + i + "]", codeMessage(e.reason())));
            }
        }
        return List.copyOf(codes);
    }

    private static Text codeMessage(InvalidCodeException.Reason reason) {
        return switch (reason) {
            case EMPTY -> Text.of("コードが空です。", "The code is empty.");
            case INVALID_CHARACTER -> Text.of("コードに使えない文字が含まれています（英数字9文字: XXXX-XXXX-X）。",
                    "The code contains a character codes never have (9 letters and digits: XXXX-XXXX-X).");
            case WRONG_LENGTH -> Text.of("コードの桁数が違います（英数字9文字: XXXX-XXXX-X）。",
                    "A code has 9 letters and digits (XXXX-XXXX-X).");
            case CHECK_MISMATCH -> Text.of(
                    "コードの最後の文字（チェック文字）が一致しません。読み間違いがないか施設に確認してください。",
                    "The code's last (check) character does not match: ask the venue to read it out again.");
        };
    }

    private List<TimeWindow> windows(CaseRequest request, Instant now, List<InvalidField> errors) {
        boolean hasDates = request.dates != null;
        boolean hasWindow = request.window != null;
        if (hasDates == hasWindow) {
            errors.add(InvalidField.of(hasDates ? "window" : "dates", hasDates
                    ? Text.of("日付（dates）と時間帯（window）はどちらか一方だけを指定してください。",
                            "Give either dates or a time window, not both.")
                    : Text.of("日付（dates）または時間帯（window）を指定してください。",
                            "Give the dates or a time window.")));
            return List.of();
        }
        return hasDates ? dateWindows(request.dates, now, errors) : explicitWindow(request.window, now, errors);
    }

    private List<TimeWindow> dateWindows(List<String> dates, Instant now, List<InvalidField> errors) {
        if (dates.isEmpty()) {
            errors.add(InvalidField.of("dates", Text.of("日付を1つ以上指定してください（時間帯が空です）。",
                    "Give at least one date.")));
            return List.of();
        }
        if (dates.size() > MAX_DATES) {
            errors.add(InvalidField.of("dates", Text.of("日付は" + MAX_DATES + "日分までです。",
                    "At most " + MAX_DATES + " dates.")));
            return List.of();
        }
        List<TimeWindow> windows = new ArrayList<>();
        LocalDate today = retention.days().dayOf(now);
        for (int i = 0; i < dates.size(); i++) {
            String field = "dates[" + i + "]";
            LocalDate day;
            try {
                day = LocalDate.parse(String.valueOf(dates.get(i)).strip());
            } catch (DateTimeParseException e) {
                errors.add(InvalidField.of(field, Text.of("日付は yyyy-MM-dd の形式で入力してください（例: 2026-11-20）。",
                        "Write dates as yyyy-MM-dd (e.g. 2026-11-20).")));
                continue;
            }
            if (day.isAfter(today)) {
                errors.add(InvalidField.of(field, Text.of("未来の日付は指定できません。", "The date is in the future.")));
            } else if (retention.expired(day, now)) {
                errors.add(InvalidField.of(field, retentionMessage()));
            } else {
                windows.add(new TimeWindow(retention.days().startOf(day), retention.days().endOf(day)));
            }
        }
        return windows;
    }

    private List<TimeWindow> explicitWindow(CaseRequest.WindowRequest window, Instant now, List<InvalidField> errors) {
        Instant from = instant(window.from(), "window.from", errors);
        Instant to = instant(window.to(), "window.to", errors);
        if (from == null || to == null) {
            return List.of();
        }
        if (!from.isBefore(to)) {
            errors.add(InvalidField.of("window", Text.of("時間帯が空です。終了（to）は開始（from）より後にしてください。",
                    "The window is empty: its end (to) must come after its start (from).")));
        } else if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            errors.add(InvalidField.of("window", Text.of("時間帯は31日以内にしてください。",
                    "A window can span at most 31 days.")));
        } else if (from.isAfter(now)) {
            errors.add(InvalidField.of("window.from", Text.of("未来の時間帯は指定できません。",
                    "The window starts in the future.")));
        } else if (!to.isAfter(retention.horizon(now))) {
            errors.add(InvalidField.of("window", retentionMessage()));
        } else if (Duration.between(from, to).compareTo(minWindow) < 0) {
            errors.add(InvalidField.of("window", Text.of("時間帯は" + japanese(minWindow) + "以上にしてください"
                    + "（短い時間帯では、お一人の利用が特定できてしまうためです）。", "A window must be at least "
                    + english(minWindow) + " long: a shorter one could single out one person's visit.")));
        } else if (Duration.between(max(from, retention.horizon(now)), min(to, now)).compareTo(minWindow) < 0) {
            // Only the part between the retention horizon and now can hold visits: [now - 1 min, now + 1 h]
            // would count the last minute's visitors just as a one-minute window does.
            errors.add(InvalidField.of("window", Text.of("時間帯のうち、記録が残っている部分（保存期間内で現在時刻まで）が"
                    + japanese(minWindow) + "以上になるようにしてください。", "The part of the window that can hold "
                    + "visits (within the retention, up to now) must be at least " + english(minWindow) + " long.")));
        } else {
            return List.of(new TimeWindow(from, to));
        }
        return List.of();
    }

    private Instant instant(String value, String field, List<InvalidField> errors) {
        if (value == null || value.isBlank()) {
            errors.add(InvalidField.of(field, Text.of("日時を入力してください（例: 2026-11-20T18:00+09:00）。",
                    "Enter a date and time (e.g. 2026-11-20T18:00+09:00).")));
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(value.strip()).atZone(retention.days().zone()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(InvalidField.of(field, Text.of("日時の形式が正しくありません（例: 2026-11-20T18:00+09:00）。",
                        "Not a date and time (e.g. 2026-11-20T18:00+09:00).")));
                return null;
            }
        }
    }

    private NoticeTemplate template(String id, List<InvalidField> errors) {
        if (id == null) {
            return null;
        }
        return notice.template(id).orElseGet(() -> {
            errors.add(InvalidField.of("template", Text.of("この文面テンプレートはありません。",
                    "There is no such notice template.")));
            return null;
        });
    }

    private String message(CaseRequest request, NoticeTemplate template, List<InvalidField> errors) {
        if (request.message != null && request.message.isBlank()) {
            errors.add(InvalidField.of("message", Text.of("本文が空です。既定の文面を使う場合は項目ごと省略してください。",
                    "The message is empty. Leave the field out to send the default text.")));
            return null;
        }
        if (request.extraText != null && request.extraText.length() > MAX_EXTRA_TEXT) {
            errors.add(InvalidField.of("extraText", Text.of("追記は" + MAX_EXTRA_TEXT + "文字までです。",
                    "The extra text can have at most " + MAX_EXTRA_TEXT + " characters.")));
            return null;
        }
        String text = notice.compose(request.message, template, request.extraText);
        if (text.length() > NoticeText.MAX_LENGTH) {
            errors.add(InvalidField.of(request.message != null ? "message" : "extraText", Text.of(
                    "LINE のメッセージは" + NoticeText.MAX_LENGTH + "文字までです（現在 " + text.length() + " 文字）。",
                    "A LINE message can have at most " + NoticeText.MAX_LENGTH + " characters (this one has "
                            + text.length() + ").")));
            return null;
        }
        return text;
    }

    private static String note(String note, List<InvalidField> errors) {
        if (note == null || note.isBlank()) {
            errors.add(InvalidField.of("note", Text.of("メモ（案件の根拠・経緯）を入力してください。",
                    "Enter a note: why this case is opened.")));
            return null;
        }
        if (note.length() > MAX_NOTE) {
            errors.add(InvalidField.of("note", Text.of("メモは" + MAX_NOTE + "文字までです。",
                    "The note can have at most " + MAX_NOTE + " characters.")));
            return null;
        }
        return note.strip();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** "30分", "1時間", "1時間30分": how the console states the minimum. */
    static String japanese(Duration d) {
        long hours = d.toHours();
        int minutes = d.toMinutesPart();
        return hours == 0 ? minutes + "分" : hours + "時間" + (minutes == 0 ? "" : minutes + "分");
    }

    static String english(Duration d) {
        long hours = d.toHours();
        int minutes = d.toMinutesPart();
        String h = hours == 1 ? "1 hour" : hours + " hours";
        String m = minutes == 1 ? "1 minute" : minutes + " minutes";
        return hours == 0 ? m : minutes == 0 ? h : h + " " + m;
    }

    private Text retentionMessage() {
        return Text.of("来訪記録の保存期間（" + retention.retentionDays() + "日）を過ぎています。この期間の記録は削除済みです。",
                "Older than the " + retention.retentionDays() + " days visits are kept: they have been deleted.");
    }
}
