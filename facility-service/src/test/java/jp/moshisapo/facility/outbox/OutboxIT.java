package jp.moshisapo.facility.outbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.moshisapo.facility.outbox.TopicReader.Published;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.servers.EventContracts;
import jp.moshisapo.servers.KafkaServer;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import jp.moshisapo.servers.Wait;
import org.junit.jupiter.api.Test;

/**
 * The outbox against a real broker of this class's own: what the database says happened to each code is what
 * {@code facility.codes.v1} says, in the same order, even when the broker is away while codes change.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(OwnKafkaBroker.class)
@WithTestResource(KeycloakTestResource.class)
class OutboxIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FAILURES = sample("moshisapo_facility_outbox_failures_total");
    private static final Pattern UNSENT = sample("moshisapo_facility_outbox_unsent");

    @Inject
    AgroalDataSource db;

    private static Pattern sample(String name) {
        return Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.eE+]+)");
    }

    @TestHTTPResource(value = "/metrics", management = true) // under the management root, /q
    URL metrics;

    /** Outbox rows in the order they were written: (code, event id, status). */
    private List<String[]> outboxRows() {
        List<String[]> rows = new ArrayList<>();
        for (String line : Database.strings(db,
                "SELECT message_key || ' ' || (payload::json->>'eventId') || ' ' || (payload::json->>'status') "
                        + "FROM facility.outbox ORDER BY id")) {
            rows.add(line.split(" "));
        }
        return rows;
    }

    private static String eventId(Published record) {
        try {
            return JSON.readTree(record.value()).get("eventId").asText();
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }

    /** Reads the topic until every event id of the outbox is on it. */
    private List<Published> topicWithAllOf(List<String[]> rows) {
        Set<String> expected = new HashSet<>();
        rows.forEach(row -> expected.add(row[1]));
        return TopicReader.readUntil(OwnKafkaBroker.server().bootstrapServers(), Topic.FACILITY_CODES, PATIENCE,
                records -> records.stream().map(OutboxIT::eventId).toList().containsAll(expected));
    }

    /**
     * For each code, its events in topic order with repeats collapsed to their last appearance: what a consumer
     * that applies every record ends up having applied last, in order.
     */
    private static Map<String, List<String>> perCode(List<Published> records) {
        Map<String, List<String>> byCode = new LinkedHashMap<>();
        for (Published record : records.stream()
                .sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                        : Long.compare(a.offset(), b.offset())).toList()) {
            List<String> events = byCode.computeIfAbsent(record.key(), key -> new ArrayList<>());
            String id = eventId(record);
            events.remove(id);
            events.add(id);
        }
        return byCode;
    }

    private static Map<String, List<String>> perCodeInDatabase(List<String[]> rows) {
        Map<String, List<String>> byCode = new LinkedHashMap<>();
        rows.forEach(row -> byCode.computeIfAbsent(row[0], key -> new ArrayList<>()).add(row[1]));
        return byCode;
    }

    private double relayFailures() {
        return metric(FAILURES);
    }

    private double metric(Pattern sample) {
        String body = given().when().get(metrics).then().statusCode(200).extract().asString();
        Matcher matcher = sample.matcher(body);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void everyIssuedAndRevokedCodeIsPublishedKeyedByCodeAndMatchesTheContract() throws Exception {
        JsonPath venue = Venues.register("もしサポ市民会館", "大ホール", "会議室1");
        String revoked = venue.getString("rooms[1].code");
        given().auth().oauth2(venue.getString("managementToken"))
                .when().post("/api/facilities/" + venue.getString("facilityId") + "/codes/" + revoked + "/revoke")
                .then().statusCode(200);

        List<Published> records = topicWithAllOf(outboxRows());

        String hall = venue.getString("rooms[0].code").replace("-", "");
        String room = revoked.replace("-", "");
        List<Published> mine = records.stream().filter(r -> r.key().equals(hall) || r.key().equals(room)).toList();
        assertEquals(3, mine.size(), mine::toString);
        for (Published record : mine) {
            EventContracts.assertValid(EventContracts.CODE_STATE, record.value());
            JsonNode event = JSON.readTree(record.value());
            assertEquals(record.key(), event.get("code").asText());
            assertEquals(venue.getString("facilityId"), event.get("facilityId").asText());
            assertEquals("もしサポ市民会館", event.get("facilityName").asText());
            // notification-service sets a visit's assumed stay from it (a restaurant's visit lasts 2 h)
            assertEquals("FOOD_SERVICE", event.get("businessType").asText());
        }
        List<String> roomStates = mine.stream().filter(r -> r.key().equals(room))
                .map(r -> r.value().contains("\"REVOKED\"") ? "REVOKED" : "ACTIVE").toList();
        assertEquals(List.of("ACTIVE", "REVOKED"), roomStates);
        Wait.until("outbox rows marked sent", PATIENCE,
                () -> Database.strings(db, "SELECT count(*) FROM facility.outbox WHERE sent_at IS NULL").equals(List.of("0")));
    }

    @Test
    void codesChangedWhileTheBrokerIsDownArriveInOrderOnceItIsBack() {
        KafkaServer kafka = OwnKafkaBroker.server();
        JsonPath before = Venues.register("もしサポ水泳場", "プール", "ジム");
        topicWithAllOf(outboxRows());
        double failuresBefore = relayFailures();

        kafka.stop();
        try {
            // Venues keep working: every change commits to the database with its outbox row.
            JsonPath during = Venues.register("もしサポ映画館", "シアター1", "シアター2");
            revoke(during, 0);
            revoke(before, 1);
            given().auth().oauth2(before.getString("managementToken")).contentType(ContentType.JSON)
                    .body(Map.of("rooms", List.of("サウナ"))).when()
                    .post("/api/facilities/" + before.getString("facilityId") + "/rooms")
                    .then().statusCode(201);
            given().when().get("/api/codes/" + during.getString("rooms[0].code") + "/qr.png").then().statusCode(404);

            assertEquals(List.of("5"), Database.strings(db,
                    "SELECT count(*) FROM facility.outbox WHERE sent_at IS NULL"), "2 issued + 2 revoked + 1 added");
            Wait.until("the relay to fail against the stopped broker", PATIENCE,
                    () -> relayFailures() > failuresBefore);
            Wait.until("the unsent rows to show in the metrics", PATIENCE,
                    () -> metric(UNSENT) == 5);
            assertEquals(List.of("5"), Database.strings(db,
                    "SELECT count(*) FROM facility.outbox WHERE sent_at IS NULL"), "nothing is marked sent unacked");
        } finally {
            kafka.restart();
        }

        List<String[]> rows = outboxRows();
        Map<String, List<String>> published = perCode(topicWithAllOf(rows));
        assertEquals(perCodeInDatabase(rows), published, "each code's events, in database order");
        Wait.until("every outbox row marked sent", PATIENCE,
                () -> Database.strings(db, "SELECT count(*) FROM facility.outbox WHERE sent_at IS NULL").equals(List.of("0")));
    }

    @Test
    void publishingARowTwiceLeavesEveryCodesLatestStateUnchanged() {
        JsonPath venue = Venues.register("もしサポ図書館", "閲覧室");
        revoke(venue, 0);
        String code = venue.getString("rooms[0].code").replace("-", "");
        topicWithAllOf(outboxRows());
        Wait.until("rows marked sent", PATIENCE, () -> Database.strings(db,
                "SELECT count(*) FROM facility.outbox WHERE sent_at IS NULL").equals(List.of("0")));

        // As after a crash between the broker's ack and the database update: the rows go out again.
        Database.update(db, "UPDATE facility.outbox SET sent_at = NULL WHERE message_key = '" + code + "'");
        Wait.until("the rows published again", PATIENCE, () -> Database.strings(db,
                "SELECT count(*) FROM facility.outbox WHERE sent_at IS NULL").equals(List.of("0")));

        List<Published> records = TopicReader.readUntil(OwnKafkaBroker.server().bootstrapServers(),
                Topic.FACILITY_CODES, PATIENCE, read -> read.stream().filter(r -> r.key().equals(code)).count() >= 4);
        List<Published> mine = records.stream().filter(r -> r.key().equals(code)).toList();
        assertEquals(4, mine.size(), "ACTIVE, REVOKED, then both again");
        assertTrue(mine.get(mine.size() - 1).value().contains("\"REVOKED\""), "the latest record is still REVOKED");
        assertEquals(new LinkedHashSet<>(List.of(eventId(mine.get(0)), eventId(mine.get(1)))),
                new LinkedHashSet<>(mine.stream().map(OutboxIT::eventId).toList()),
                "the copies carry the same event ids, so consumers drop them");
    }

    private static void revoke(JsonPath venue, int room) {
        given().auth().oauth2(venue.getString("managementToken"))
                .when().post("/api/facilities/" + venue.getString("facilityId") + "/codes/"
                        + venue.getString("rooms[" + room + "].code") + "/revoke")
                .then().statusCode(200);
    }
}
