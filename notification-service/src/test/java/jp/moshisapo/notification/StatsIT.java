package jp.moshisapo.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.protocol.events.ResidentEvent;
import jp.moshisapo.protocol.events.VisitRecorded;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The statistics staff read at /admin/stats: check-ins per day and hour follow the visits through ingest and
 * erasure, small counts are suppressed, friends and cases are counted per day; never an id.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class StatsIT {

    /** An hour of the night other tests leave alone (they check in around noon). */
    private static final int NIGHT_HOUR = 3;

    @Inject
    AgroalDataSource dataSource;

    StoreProbe store;

    @BeforeEach
    void probe() {
        store = new StoreProbe(dataSource);
    }

    @Test
    void checkinsPerHourFollowTheVisitsThroughIngestAndErasureAndSmallCountsAreSuppressed() {
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "深夜食堂", "カウンター");
        Instant night = Fixtures.today().minusDays(4).atTime(NIGHT_HOUR, 20).atZone(Fixtures.IWATE).toInstant();
        List<VisitRecorded> visits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            visits.add(Fixtures.visit(Fixtures.user("night-" + i), code, night.plusSeconds(60L * i)));
        }
        visits.add(Fixtures.visit(Fixtures.user("night-0"), code, night.plusSeconds(1800)));
        Fixtures.publishVisits(visits);
        store.awaitVisits(code, 7);
        long nightBefore = nightCheckins();
        JsonPath stats = stats("checkins");
        assertEquals(5, stats.getInt("suppressedBelow"));
        assertEquals(nightBefore, row(stats, "checkinsPerHour", NIGHT_HOUR), "7 check-ins at 3 a.m. are shown");
        assertEquals(28 + 1, stats.getList("tables.find { it.id == 'checkinsPerDay' }.rows").size(),
                "one row per kept day, today included");
        assertTrue(nightBefore >= 7);

        Fixtures.publishResident(ResidentEvent.Type.ERASURE_REQUESTED, Fixtures.user("night-0"));
        store.awaitVisits(code, 5);
        assertEquals(nightBefore - 2, nightCheckins(), "the erased resident's two check-ins left the counts");
        assertCountsEqualTheVisits();

        for (int i = 1; i < 4; i++) {
            Fixtures.publishResident(ResidentEvent.Type.ERASURE_REQUESTED, Fixtures.user("night-" + i));
        }
        store.awaitVisits(code, 2);
        if (nightCheckins() < 5) {
            assertNull(row(stats("checkins"), "checkinsPerHour", NIGHT_HOUR),
                    "fewer than 5 check-ins in a cell could point at one person: not shown");
        }
        assertCountsEqualTheVisits();
        assertTrue(!stats("checkins").prettify().contains(Fixtures.user("night-4")), "no id in statistics");
    }

    @Test
    void friendsAddedAndBlockedAreCountedPerDay() {
        LocalDate today = Fixtures.today();
        long followedBefore = friendCount("followed", today);
        long blockedBefore = friendCount("blocked", today);
        for (int i = 0; i < 3; i++) {
            Fixtures.publishResident(ResidentEvent.Type.REACHABLE, Fixtures.user("friend-" + i));
        }
        Fixtures.publishResident(ResidentEvent.Type.UNREACHABLE, Fixtures.user("friend-0"));
        Fixtures.publishResident(ResidentEvent.Type.UNREACHABLE, Fixtures.user("friend-0")); // redelivered
        await("friends counted").atMost(Duration.ofSeconds(60)).until(
                () -> friendCount("followed", today), equalTo(followedBefore + 3));
        await("blocks counted once").atMost(Duration.ofSeconds(60)).until(
                () -> friendCount("blocked", today), equalTo(blockedBefore + 1));

        JsonPath stats = stats("friends");
        List<Object> todayRow = rowOf(stats, "friendsPerDay", today.toString());
        assertEquals(List.of("day", "followed", "blocked"),
                stats.getList("tables.find { it.id == 'friendsPerDay' }.columns"));
        assertEquals(shown(followedBefore + 3), todayRow.get(1) == null ? null : ((Number) todayRow.get(1)).longValue());
    }

    @Test
    void casesOpenedTodayAreCountedUnsuppressed() {
        String code = Fixtures.newCode();
        Fixtures.publishCode(code, "統計会館", "ホール");
        store.awaitCode(code);
        long before = casesToday();
        Api.draft(List.of(code), List.of(Fixtures.today().toString()));
        assertEquals(before + 1, casesToday(), "cases are staff's work, shown even when few");
        JsonPath stats = stats("cases");
        assertEquals(List.of("day", "notices"), stats.getList("tables.find { it.id == 'noticesPerDay' }.columns"));
    }

    @Test
    void statisticsNeedAStaffToken() {
        io.restassured.RestAssured.given().when().get("/admin/stats/checkins").then().statusCode(401);
    }

    private long casesToday() {
        List<Object> row = rowOf(stats("cases"), "casesPerDay", Fixtures.today().toString());
        return ((Number) row.get(1)).longValue();
    }

    private void assertCountsEqualTheVisits() {
        assertEquals("t", store.query("SELECT (SELECT count(*) FROM visit) "
                + "= (SELECT coalesce(sum(visits), 0) FROM visit_hour_count)"), "hourly counts equal the visit table");
    }

    private long nightCheckins() {
        return store.count("SELECT count(*) FROM visit WHERE extract(hour FROM visited_at AT TIME ZONE "
                + "'Asia/Tokyo') = ?", NIGHT_HOUR);
    }

    private long friendCount(String column, LocalDate day) {
        String value = store.query("SELECT " + column + " FROM friend_day_count WHERE day = ?", day);
        return value == null ? 0 : Long.parseLong(value);
    }

    private static Long shown(long count) {
        return count > 0 && count < 5 ? null : count;
    }

    private static JsonPath stats(String which) {
        return Api.get("staff1", "/admin/stats/" + which).then().statusCode(200).extract().jsonPath();
    }

    private static Long row(JsonPath stats, String table, Object key) {
        Object value = rowOf(stats, table, key).get(1);
        return value == null ? null : ((Number) value).longValue();
    }

    private static List<Object> rowOf(JsonPath stats, String table, Object key) {
        List<List<Object>> rows = stats.getList("tables.find { it.id == '" + table + "' }.rows");
        return rows.stream().filter(r -> key.equals(r.get(0))).findFirst().orElseThrow();
    }
}
