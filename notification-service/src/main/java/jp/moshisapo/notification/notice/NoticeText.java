package jp.moshisapo.notification.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import jp.moshisapo.notification.config.NoticeConfig;

/**
 * The texts a notice can start from (configured templates, the seed's 注意喚起 first) and how staff's edits and
 * extra text become the one text that is approved and sent.
 */
@ApplicationScoped
public class NoticeText {

    /** LINE shows at most 5,000 characters of a message's text; the notice keeps within it. */
    public static final int MAX_LENGTH = 5000;

    private final List<NoticeTemplate> templates;

    public NoticeText(NoticeConfig config) {
        this.templates = config.templates().stream().map(t -> new NoticeTemplate(t.id(), t.title(), t.text()
                .replace("{phone}", config.consultationCenterPhone())
                .replace("{hours}", config.consultationCenterHours()).strip())).toList();
        check(templates);
    }

    /** Every template, the default first. */
    public List<NoticeTemplate> templates() {
        return templates;
    }

    public String defaultText() {
        return templates.get(0).text();
    }

    public Optional<NoticeTemplate> template(String id) {
        return templates.stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /**
     * The text to send: the staff's own message, or else the chosen template (the default when none is named),
     * with the optional extra text after a blank line.
     */
    public String compose(String message, NoticeTemplate template, String extraText) {
        String base = message != null ? message.strip() : (template != null ? template : templates.get(0)).text();
        return extraText == null || extraText.isBlank() ? base : base + "\n\n" + extraText.strip();
    }

    /** A template that cannot be sent must stop the start, not the first case that uses it. */
    private static void check(List<NoticeTemplate> templates) {
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("moshisapo.notification.notice.templates: at least one is needed");
        }
        Set<String> ids = new HashSet<>();
        for (NoticeTemplate template : templates) {
            if (!ids.add(template.id())) {
                throw new IllegalArgumentException("notice template id used twice: " + template.id());
            }
            if (template.text().isEmpty() || template.text().length() > MAX_LENGTH) {
                throw new IllegalArgumentException("notice template " + template.id() + " must have 1 to "
                        + MAX_LENGTH + " characters");
            }
        }
    }
}
