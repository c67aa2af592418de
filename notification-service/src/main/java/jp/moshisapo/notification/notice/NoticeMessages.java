package jp.moshisapo.notification.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.moshisapo.notification.config.NoticeConfig;

/** Turns an approved text into the {@link NoticeMessage} residents get, with this deployment's centre and page. */
@ApplicationScoped
public class NoticeMessages {

    static final String CALL_LABEL = "受診・相談センターに電話";
    static final String PAGE_LABEL = "県のホームページを見る";

    private final List<NoticeMessage.Button> buttons;

    public NoticeMessages(NoticeConfig config) {
        String digits = config.consultationCenterPhone().replaceAll("[^0-9+]", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("moshisapo.notification.notice.consultation-center-phone has no digits");
        }
        if (!"https".equals(config.pageUrl().getScheme()) || config.pageUrl().getHost() == null) {
            throw new IllegalArgumentException("moshisapo.notification.notice.page-url must be an https URL");
        }
        this.buttons = List.of(new NoticeMessage.Button(CALL_LABEL, "tel:" + digits),
                new NoticeMessage.Button(PAGE_LABEL, config.pageUrl().toString()));
    }

    public NoticeMessage of(String text) {
        return NoticeMessage.of(text, buttons);
    }
}
