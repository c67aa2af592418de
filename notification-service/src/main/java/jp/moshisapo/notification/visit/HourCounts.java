package jp.moshisapo.notification.visit;

/**
 * The check-ins per hour that statistics read (visit_hour_count), kept equal to the visit table: the statement
 * that stores visits adds them, the one that erases a resident subtracts them, and a dropped day partition takes
 * its hours along. Counting 10 million visits for every statistics request would take seconds; reading 700 hour
 * rows takes milliseconds.
 */
final class HourCounts {

    /**
     * A CTE body over {@code stored(visited_at)}: the rows just inserted. Hours in ascending order, so two batches
     * stored at once lock their hour rows in the same order and never deadlock.
     */
    static final String ADD_STORED = """
                INSERT INTO visit_hour_count (hour, visits)
                SELECT date_trunc('hour', visited_at, 'UTC'), count(*) FROM stored GROUP BY 1 ORDER BY 1
                ON CONFLICT (hour) DO UPDATE SET visits = visit_hour_count.visits + excluded.visits
                RETURNING 1
            """;

    /** Deletes a resident's visits and subtracts them; binds the resident key; answers the visits deleted. */
    static final String ERASE = """
            WITH gone AS (
                DELETE FROM visit WHERE resident_key = ? RETURNING visited_at
            ), counted AS (
                UPDATE visit_hour_count h SET visits = greatest(h.visits - g.visits, 0)
                FROM (SELECT date_trunc('hour', visited_at, 'UTC') AS hour, count(*) AS visits FROM gone GROUP BY 1)
                     AS g
                WHERE h.hour = g.hour
                RETURNING 1
            )
            SELECT count(*) FROM gone
            """;

    /** Deletes the hours before the end of a dropped day; binds that instant. */
    static final String FORGET_BEFORE = "DELETE FROM visit_hour_count WHERE hour < ?";

    private HourCounts() {
    }
}
