package jp.moshisapo.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** The visit store ({@code moshisapo.notification.visits.*}): retention and day partitions. */
@ConfigMapping(prefix = "moshisapo.notification.visits")
public interface VisitStoreConfig {

    /**
     * Days a visit is kept. A day partition is dropped once all of it is older than this, so a visit lives at
     * most one day longer; matching never reads visits older than this.
     */
    @WithDefault("28")
    int retentionDays();

    /** Day partitions created ahead of today, so ingest never waits for DDL. */
    @WithDefault("7")
    int partitionsAheadDays();

    /** How often partitions are created ahead and expired ones dropped (a scheduler interval such as 1h). */
    @WithDefault("1h")
    String maintenanceEvery();

    /** The zone whose calendar days partition the store and define a case's dates (Iwate matched by local day). */
    @WithDefault("Asia/Tokyo")
    ZoneId zone();
}
