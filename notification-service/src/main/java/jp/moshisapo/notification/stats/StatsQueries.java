package jp.moshisapo.notification.stats;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.moshisapo.notification.config.StatsConfig;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.visit.Retention;
import jp.moshisapo.protocol.stats.Statistics;
import jp.moshisapo.protocol.stats.StatsTable;

/**
 * This service's statistics over the visit retention (the days whose visits are kept): check-ins per day and per
 * hour of day from the hourly counts kept beside the visits, friends added and blocked per day, cases opened and
 * notices sent per day. Local (Asia/Tokyo) days and hours.
 */
@ApplicationScoped
public class StatsQueries {

    private final Db db;
    private final Retention retention;
    private final Clock clock;
    private final Suppression suppression;

    StatsQueries(Db db, Retention retention, Clock clock, StatsConfig config) {
        this.db = db;
        this.retention = retention;
        this.clock = clock;
        this.suppression = new Suppression(config.minCell());
    }

    public Statistics checkins() {
        return db.inTransaction(c -> {
            Period p = period();
            Map<LocalDate, long[]> perDay = p.read(c, LocalDate.class, "SELECT (hour AT TIME ZONE ?)::date, "
                    + "sum(visits) FROM visit_hour_count WHERE hour >= ? GROUP BY 1");
            Map<Integer, long[]> perHour = p.read(c, Integer.class, "SELECT extract(hour FROM hour AT TIME ZONE ?)"
                    + "::int, sum(visits) FROM visit_hour_count WHERE hour >= ? GROUP BY 1");
            List<List<Object>> hours = new ArrayList<>();
            for (int hour = 0; hour < 24; hour++) {
                hours.add(DailySeries.row(hour, perHour.getOrDefault(hour, new long[1]), suppression));
            }
            return new Statistics(suppression.minCell(), List.of(
                    new StatsTable("checkinsPerDay", List.of("day", "checkins"),
                            DailySeries.days(p.from, p.to, perDay, 1, suppression)),
                    new StatsTable("checkinsPerHour", List.of("hour", "checkins"), hours)));
        });
    }

    public Statistics friends() {
        return db.inTransaction(c -> {
            Period p = period();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT day, followed, blocked FROM friend_day_count WHERE day >= ?")) {
                s.setObject(1, p.from);
                return new Statistics(suppression.minCell(), List.of(new StatsTable("friendsPerDay",
                        List.of("day", "followed", "blocked"),
                        DailySeries.days(p.from, p.to, DailySeries.read(s, LocalDate.class, 2), 2, suppression))));
            }
        });
    }

    /** Cases are staff's own work and not suppressed; notices count residents reached and are. */
    public Statistics cases() {
        return db.inTransaction(c -> {
            Period p = period();
            Map<LocalDate, long[]> cases = p.read(c, LocalDate.class, "SELECT (created_at AT TIME ZONE ?)::date, "
                    + "count(*) FROM exposure_case WHERE created_at >= ? GROUP BY 1");
            Map<LocalDate, long[]> notices = p.read(c, LocalDate.class, "SELECT (finished_at AT TIME ZONE ?)::date, "
                    + "sum(recipient_count) FROM delivery_batch WHERE status = 'SENT' AND finished_at >= ? GROUP BY 1");
            return new Statistics(suppression.minCell(), List.of(
                    new StatsTable("casesPerDay", List.of("day", "cases"),
                            DailySeries.days(p.from, p.to, cases, 1, Suppression.NONE)),
                    new StatsTable("noticesPerDay", List.of("day", "notices"),
                            DailySeries.days(p.from, p.to, notices, 1, suppression))));
        });
    }

    private Period period() {
        Instant now = clock.instant();
        LocalDate from = retention.firstKeptDay(now);
        return new Period(from, retention.days().dayOf(now), retention.days().startOf(from),
                retention.days().zone().getId());
    }

    /** The kept days, from the first to today, and where they start. */
    private record Period(LocalDate from, LocalDate to, Instant start, String zone) {

        /** One count per key from {@code sql}, which binds the zone and the period's start. */
        <K> Map<K, long[]> read(Connection c, Class<K> keyType, String sql) throws SQLException {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, zone);
                s.setTimestamp(2, Timestamp.from(start));
                return DailySeries.read(s, keyType, 1);
            }
        }
    }
}
