package jp.moshisapo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The staff statistics ({@code moshisapo.notification.stats.*}). */
@ConfigMapping(prefix = "moshisapo.notification.stats")
public interface StatsConfig {

    /**
     * The smallest count of residents' doings (check-ins, friends added or blocked, notices) a statistic shows;
     * a count from 1 to this minus one is suppressed (null, 「5未満」 in the console), so that a cell cannot point
     * at one or two people ("the one check-in at 3 a.m."). Zero is shown: it names no one.
     */
    @WithDefault("5")
    int minCell();
}
