package jp.moshisapo.notification.exposure;

import java.util.List;
import jp.moshisapo.notification.notice.NoticeTemplate;

/**
 * What a new case starts with: the message residents get unless staff change it (the seed's 【お知らせ】 with the
 * consultation centre), the other configured templates staff may start from instead, and LINE's length limit,
 * so the console can offer them for editing.
 */
public record CaseTemplate(String message, int maxLength, List<NoticeTemplate> templates) {
}
