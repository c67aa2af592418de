package jp.moshisapo.notification.exposure;

import jakarta.enterprise.context.ApplicationScoped;
import jp.moshisapo.notification.config.NoticeConfig;

/** The message residents receive: by default the seed's 【お知らせ】 text with the consultation centre's number. */
@ApplicationScoped
public class NoticeText {

    /** LINE rejects text messages longer than 5,000 characters. */
    public static final int MAX_LENGTH = 5000;

    private final NoticeConfig config;

    NoticeText(NoticeConfig config) {
        this.config = config;
    }

    public String defaultText() {
        return """
                【お知らせ】
                新型コロナウイルスの感染が判明した方が、あなたが登録した施設を利用又は、イベントに参加していました。
                あなたが感染しているとは限りませんが、体調管理等に十分に注意し、体調悪化の際は県の相談センターに御連絡願います。

                ◆症状のある方は、下記窓口までお問い合わせください
                ＜受診・相談センター＞ %s
                %s

                ※岩手県以外の都道府県にお住まいの方は、お住まいの地域の相談窓口にお問い合わせください。"""
                .formatted(config.consultationCenterPhone(), config.consultationCenterHours());
    }

    /** The text to send: the staff's own message or the default, with the optional extra text after a blank line. */
    public String compose(String message, String extraText) {
        String base = message == null ? defaultText() : message.strip();
        return extraText == null || extraText.isBlank() ? base : base + "\n\n" + extraText.strip();
    }
}
