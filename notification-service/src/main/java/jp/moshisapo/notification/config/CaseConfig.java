package jp.moshisapo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What staff may ask of a case ({@code moshisapo.notification.cases.*}). */
@ConfigMapping(prefix = "moshisapo.notification.cases")
public interface CaseConfig {

    /**
     * The shortest explicit time window a case (and so its preview) may cover. A preview counts the residents of
     * a venue within the window: over one minute it would tell staff whether one particular person was there.
     * Whole-day cases (dates) are always long enough.
     */
    @WithDefault("30m")
    Duration minWindow();
}
