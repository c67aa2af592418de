-- Statistics for staff (issue 17): counts only, never a resident key, LINE id or visit id, and kept no longer than
-- the visits they count (docs/privacy.md).

-- Check-ins per hour (UTC hour start), maintained in the transaction that stores visits (+) or erases a
-- resident (−), and deleted with the day partition the visits lived in: the counts always equal the visit table.
-- (Visits an old pod stores during the rolling update that brings this migration are not counted; erasure never
-- takes an hour below zero, and such an hour leaves with its day's partition.)
CREATE TABLE visit_hour_count (
    hour   timestamptz PRIMARY KEY,
    visits integer     NOT NULL
);
INSERT INTO visit_hour_count (hour, visits)
SELECT date_trunc('hour', visited_at, 'UTC'), count(*) FROM visit GROUP BY 1;

-- Friends added (follow → REACHABLE) and blocked (unfollow → UNREACHABLE) per local day, counted as the resident
-- events arrive; forgotten after the visit retention.
CREATE TABLE friend_day_count (
    day      date    PRIMARY KEY,
    followed integer NOT NULL DEFAULT 0,
    blocked  integer NOT NULL DEFAULT 0
);
