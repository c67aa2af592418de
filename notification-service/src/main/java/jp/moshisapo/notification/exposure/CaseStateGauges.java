package jp.moshisapo.notification.exposure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import jp.moshisapo.notification.db.Db;

/**
 * {@code moshisapo_notification_cases{state}}: cases per state, counted in the database (so every instance
 * reports the same) and cached for a few seconds so a scrape costs at most one small query.
 */
@ApplicationScoped
public class CaseStateGauges {

    private static final long CACHE_NANOS = 5_000_000_000L;

    private final Db db;
    private final MeterRegistry registry;
    private Map<CaseState, Long> counts = new EnumMap<>(CaseState.class);
    private long countedAt = System.nanoTime() - CACHE_NANOS;

    CaseStateGauges(Db db, MeterRegistry registry) {
        this.db = db;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        for (CaseState state : CaseState.values()) {
            Gauge.builder("moshisapo.notification.cases", this, g -> g.count(state))
                    .description("Exposure cases by state").tag("state", state.name()).register(registry);
        }
    }

    private synchronized double count(CaseState state) {
        if (System.nanoTime() - countedAt >= CACHE_NANOS) {
            try {
                counts = db.inTransaction(c -> {
                    Map<CaseState, Long> fresh = new EnumMap<>(CaseState.class);
                    try (Statement s = c.createStatement();
                            ResultSet rs = s.executeQuery("SELECT state, count(*) FROM exposure_case GROUP BY state")) {
                        while (rs.next()) {
                            fresh.put(CaseState.valueOf(rs.getString(1)), rs.getLong(2));
                        }
                    }
                    return fresh;
                });
                countedAt = System.nanoTime();
            } catch (RuntimeException e) {
                return Double.NaN; // the database is down: say "unknown", not zero
            }
        }
        return counts.getOrDefault(state, 0L);
    }
}
