package jp.moshisapo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.List;

/**
 * What residents read and can tap in a notice ({@code moshisapo.notification.notice.*}): the consultation centre,
 * the prefecture's page, and the templates staff start a case from.
 */
@ConfigMapping(prefix = "moshisapo.notification.notice")
public interface NoticeConfig {

    /** ＜受診・相談センター＞ phone number (the seed: 019-651-3175); the notice's call button dials it. */
    @WithDefault("019-651-3175")
    String consultationCenterPhone();

    /** The centre's opening hours line, printed under the number. */
    @WithDefault("(24時間 土日・祝日を含む全日)")
    String consultationCenterHours();

    /**
     * The prefecture's page about the service (https), opened by the notice's second button. From
     * {@code NOTICE_PAGE_URL}; no default in production: a wrong page in a notice cannot be called back.
     */
    URI pageUrl();

    /**
     * The texts staff choose from when they open a case, the first being the default; {@code {phone}} and
     * {@code {hours}} stand for the consultation centre's number and hours.
     */
    List<Template> templates();

    /** One notice template. */
    interface Template {

        /** Stable name used by the API ({@code template} of a new case). */
        String id();

        /** What staff see in the console's choice. */
        String title();

        String text();
    }
}
