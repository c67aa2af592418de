package jp.moshisapo.notification.visit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.ResidentIndex;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.protocol.events.EventKeyring;
import jp.moshisapo.protocol.events.VisitRecorded;

/**
 * Writes visits into the day-partitioned store: one row per visit id, the LINE user id opened from the event's
 * sealed form and sealed again under this service's own keyring.
 */
@ApplicationScoped
@Startup
public class VisitStore {

    /**
     * One statement per batch: arrays in, rows out. Visits of residents who asked for erasure after the visit was
     * recorded are not stored again; a visit id seen before is skipped (idempotent redelivery).
     */
    private static final String INSERT = """
            WITH stored AS (
                INSERT INTO visit (visited_at, visit_id, code, resident_key, key_id, user_id, recorded_at)
                SELECT n.visited_at, n.visit_id, n.code, n.resident_key, ?, n.user_id, n.recorded_at
                FROM unnest(?::timestamptz[], ?::uuid[], ?::text[], ?::bytea[], ?::bytea[], ?::timestamptz[])
                     AS n(visited_at, visit_id, code, resident_key, user_id, recorded_at)
                WHERE NOT EXISTS (SELECT 1 FROM erased_resident e
                                  WHERE e.resident_key = n.resident_key AND n.recorded_at <= e.erased_at)
                ON CONFLICT DO NOTHING
                RETURNING visited_at
            ), counted AS (
            """ + HourCounts.ADD_STORED + """
            )
            SELECT count(*) FROM stored
            """;
    private static final String COUNT_ERASED = """
            SELECT count(*) FROM unnest(?::bytea[], ?::timestamptz[]) AS n(resident_key, recorded_at)
            JOIN erased_resident e ON e.resident_key = n.resident_key AND n.recorded_at <= e.erased_at
            """;

    private final Db db;
    private final Keyring keyring;
    private final EventKeyring eventKeys;
    private final ResidentIndex index;
    private final VisitPartitions partitions;
    private final Clock clock;
    private final Counter stored;
    private final Counter duplicates;
    private final Counter erased;
    private final Counter rejected;

    VisitStore(Db db, Keyring keyring, EventKeyring eventKeys, ResidentIndex index, VisitPartitions partitions,
            Clock clock, MeterRegistry registry) {
        this.db = db;
        this.keyring = keyring;
        this.eventKeys = eventKeys;
        this.index = index;
        this.partitions = partitions;
        this.clock = clock;
        String name = "moshisapo.notification.visits.ingested";
        String help = "Visit events consumed from checkin.visits.v1, by what became of them";
        this.stored = Counter.builder(name).description(help).tag("outcome", "stored").register(registry);
        this.duplicates = Counter.builder(name).description(help).tag("outcome", "duplicate").register(registry);
        this.erased = Counter.builder(name).description(help).tag("outcome", "erased").register(registry);
        this.rejected = Counter.builder(name).description(help).tag("outcome", "rejected").register(registry);
    }

    public IngestResult store(List<VisitRecorded> visits) {
        Instant now = clock.instant();
        VisitRows rows = VisitRows.of(visits, eventKeys, keyring, index, partitions.retention(), now);
        int inserted = 0;
        int erasedCount = 0;
        if (rows.size() > 0) {
            partitions.ensure(rows.days);
            int[] result = db.inTransaction(c -> insert(c, rows));
            inserted = result[0];
            erasedCount = result[1];
        }
        int duplicateCount = rows.size() - inserted - erasedCount;
        stored.increment(inserted);
        duplicates.increment(duplicateCount);
        erased.increment(erasedCount);
        rejected.increment(rows.malformed + rows.outOfRange);
        return new IngestResult(inserted, duplicateCount, erasedCount, rows.malformed, rows.outOfRange);
    }

    private static int[] insert(Connection c, VisitRows rows) throws SQLException {
        java.sql.Array residentKeys = c.createArrayOf("bytea", rows.residentKeys.toArray(new byte[0][]));
        java.sql.Array recordedAt = c.createArrayOf("text", rows.recordedAt.toArray(new String[0]));
        int inserted;
        try (PreparedStatement insert = c.prepareStatement(INSERT)) {
            insert.setString(1, rows.keyId);
            insert.setArray(2, c.createArrayOf("text", rows.visitedAt.toArray(new String[0])));
            insert.setArray(3, c.createArrayOf("uuid", rows.visitIds.toArray(new java.util.UUID[0])));
            insert.setArray(4, c.createArrayOf("text", rows.codes.toArray(new String[0])));
            insert.setArray(5, residentKeys);
            insert.setArray(6, c.createArrayOf("bytea", rows.userIds.toArray(new byte[0][])));
            insert.setArray(7, recordedAt);
            try (var rs = insert.executeQuery()) {
                rs.next();
                inserted = rs.getInt(1);
            }
        }
        int erased = 0;
        if (inserted < rows.size()) {
            // Only to tell "erased" from "duplicate" in the metrics; the common path never runs it.
            try (PreparedStatement count = c.prepareStatement(COUNT_ERASED)) {
                count.setArray(1, residentKeys);
                count.setArray(2, recordedAt);
                try (var rs = count.executeQuery()) {
                    rs.next();
                    erased = rs.getInt(1);
                }
            }
        }
        return new int[] {inserted, erased};
    }
}
