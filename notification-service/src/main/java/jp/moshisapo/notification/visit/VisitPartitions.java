package jp.moshisapo.notification.visit;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;
import jp.moshisapo.notification.db.Db;

/**
 * Creates the day partitions of the visit table ahead of time and drops the ones past retention. The service's
 * role does not own the table, so it does both through two functions that run as the owner and can do nothing
 * else (notification migration V6).
 */
@ApplicationScoped
public class VisitPartitions {

    /** One DDL writer at a time across all instances: CREATE ... PARTITION OF races otherwise. */
    private static final long DDL_LOCK = 0x6d6f7368_69766973L;

    private final Db db;
    private final Days days;
    private final Retention retention;
    private final Set<LocalDate> existing = new ConcurrentSkipListSet<>();
    private volatile boolean loaded;

    VisitPartitions(Db db, Retention retention) {
        this.db = db;
        this.days = retention.days();
        this.retention = retention;
    }

    public Days days() {
        return days;
    }

    public Retention retention() {
        return retention;
    }

    /** Makes sure a partition exists for each day; cheap when they all do (the set is cached). */
    public void ensure(Collection<LocalDate> wanted) {
        if (!loaded) {
            reload();
        }
        List<LocalDate> missing = wanted.stream().filter(d -> !existing.contains(d)).distinct().sorted().toList();
        if (!missing.isEmpty()) {
            create(missing);
        }
    }

    /**
     * The schedule's work: partitions for every kept day up to {@code aheadDays} ahead exist, older ones are gone.
     * Returns the days dropped.
     */
    public List<LocalDate> maintain(Instant now) {
        reload();
        List<LocalDate> wanted = new ArrayList<>();
        for (LocalDate d = retention.firstKeptDay(now); !d.isAfter(retention.lastAcceptedDay(now)); d = d.plusDays(1)) {
            wanted.add(d);
        }
        ensure(wanted);
        List<LocalDate> expired = existing.stream().filter(d -> retention.expired(d, now)).toList();
        if (!expired.isEmpty()) {
            drop(expired);
        }
        return expired;
    }

    private void reload() {
        Set<LocalDate> found = db.inTransaction(c -> {
            Set<LocalDate> result = new TreeSet<>();
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = "
                            + "i.inhrelid WHERE i.inhparent = 'visit'::regclass")) {
                while (rs.next()) {
                    LocalDate day = days.dayOfPartition(rs.getString(1));
                    if (day != null) {
                        result.add(day);
                    }
                }
            }
            return result;
        });
        existing.retainAll(found);
        existing.addAll(found);
        loaded = true;
    }

    private void create(List<LocalDate> missing) {
        db.inTransaction(c -> {
            lockDdl(c);
            try (PreparedStatement s = c.prepareStatement("SELECT visit_create_day_partition(?, ?, ?)")) {
                for (LocalDate day : missing) {
                    s.setObject(1, day);
                    s.setObject(2, days.startOf(day).atOffset(ZoneOffset.UTC));
                    s.setObject(3, days.endOf(day).atOffset(ZoneOffset.UTC));
                    s.execute();
                }
            }
            return null;
        });
        existing.addAll(missing);
        Log.infof("Created visit partitions for %s", missing);
    }

    private void drop(List<LocalDate> expired) {
        for (LocalDate day : expired) {
            db.inTransaction(c -> {
                lockDdl(c);
                try (Statement s = c.createStatement()) {
                    // Dropping locks the parent briefly; give up rather than queue behind a long preview query.
                    s.execute("SET LOCAL lock_timeout = '5s'");
                }
                try (PreparedStatement s = c.prepareStatement("SELECT visit_drop_day_partition(?)")) {
                    s.setObject(1, day);
                    s.execute();
                }
                // the day's check-ins leave the statistics with the visits themselves
                try (PreparedStatement s = c.prepareStatement(HourCounts.FORGET_BEFORE)) {
                    s.setTimestamp(1, java.sql.Timestamp.from(days.endOf(day)));
                    s.executeUpdate();
                }
                return null;
            });
            existing.remove(day);
            Log.infof("Dropped visit partition of %s (past the %d-day retention)", day, retention.retentionDays());
        }
    }

    private static void lockDdl(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT pg_advisory_xact_lock(" + DDL_LOCK + ")");
        }
    }
}
