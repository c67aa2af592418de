package jp.moshisapo.facility.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import jp.moshisapo.servers.Wait;
import org.junit.jupiter.api.Test;

/**
 * The scheduled pruner (every second in tests) removes a code's old, sent, replaced events, and keeps what the
 * compacted topic needs: each code's newest event, anything younger than the retention, anything unsent.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class OutboxPruningIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource db;

    @Inject
    OutboxPruner pruner;

    @Test
    void oldReplacedEventsGoAndEachCodesLatestStateStays() {
        String revokedLongAgo = registerAndRevoke("もしサポ旧館");
        String activeLongAgo = Venues.register("もしサポ本館", "ホール").getString("rooms[0].code").replace("-", "");
        String revokedRecently = registerAndRevoke("もしサポ新館");
        waitUntilSent(revokedLongAgo, activeLongAgo, revokedRecently);

        // The retention is 7 days: move the sending of the first two codes 8 days back, of the third 6 days.
        Database.update(db, "UPDATE facility.outbox SET sent_at = sent_at - interval '8 days' WHERE message_key IN ('"
                + revokedLongAgo + "', '" + activeLongAgo + "')");
        Database.update(db, "UPDATE facility.outbox SET sent_at = sent_at - interval '6 days' WHERE message_key = '"
                + revokedRecently + "'");

        Wait.until("the scheduled pruner to delete the replaced event", PATIENCE,
                () -> statuses(revokedLongAgo).equals(List.of("REVOKED")));
        assertEquals(List.of("ACTIVE"), statuses(activeLongAgo), "a code's only event is its latest state");
        assertEquals(List.of("ACTIVE", "REVOKED"), statuses(revokedRecently), "younger than the retention");
    }

    @Test
    void aSecondRunFindsNothingMoreToDelete() {
        String code = registerAndRevoke("もしサポ別館");
        waitUntilSent(code);
        Database.update(db, "UPDATE facility.outbox SET sent_at = sent_at - interval '8 days' WHERE message_key = '"
                + code + "'");
        Wait.until("the replaced event to go", PATIENCE, () -> statuses(code).equals(List.of("REVOKED")));

        assertEquals(0, pruner.prune());
        assertEquals(List.of("REVOKED"), statuses(code));
    }

    private String registerAndRevoke(String name) {
        JsonPath venue = Venues.register(name, "ホール");
        String code = venue.getString("rooms[0].code");
        given().auth().oauth2(venue.getString("managementToken"))
                .when().post("/api/facilities/" + venue.getString("facilityId") + "/codes/" + code + "/revoke")
                .then().statusCode(200);
        return code.replace("-", "");
    }

    private void waitUntilSent(String... codes) {
        for (String code : codes) {
            Wait.until("the relay to send " + code, PATIENCE, () -> Database.strings(db,
                    "SELECT count(*) FROM facility.outbox WHERE message_key = ? AND sent_at IS NULL", code)
                    .equals(List.of("0")));
        }
    }

    private List<String> statuses(String code) {
        return Database.strings(db, "SELECT payload::json->>'status' FROM facility.outbox WHERE message_key = ? "
                + "ORDER BY id", code);
    }
}
