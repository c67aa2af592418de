package jp.moshisapo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The default お知らせ text's contact lines ({@code moshisapo.notification.notice.*}). */
@ConfigMapping(prefix = "moshisapo.notification.notice")
public interface NoticeConfig {

    /** ＜受診・相談センター＞ phone number (the seed: 019-651-3175). */
    @WithDefault("019-651-3175")
    String consultationCenterPhone();

    /** The centre's opening hours line, printed under the number. */
    @WithDefault("(24時間 土日・祝日を含む全日)")
    String consultationCenterHours();
}
