package jp.moshisapo.facility.recovery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.Inbox;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** 「管理用リンクを再送する」: a lost management link is replaced by mail, and the page tells nobody who is registered. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class LinkRecoveryIT {

    private static final Pattern LINK = Pattern.compile(
            "http://127\\.0\\.0\\.1:8080/manage#facility=([0-9a-f-]{36})&token=([A-Za-z0-9_-]{43})");
    private static final String ACCEPTED = "受け付けました。入力されたメールアドレスで登録されている場合は、新しい管理用リンクをお送りします。"
            + "メールが届かない場合は、入力したメールアドレスをご確認ください。";

    @Inject
    AgroalDataSource db;

    @Test
    void everyVenueOfTheAddressGetsANewLinkByMailAndItsOldOneStopsWorking() {
        String address = Inbox.newAddress("recover");
        JsonPath first = register("もしサポ本店", address);
        JsonPath second = register("もしサポ支店", address);
        JsonPath other = register("よその店", Inbox.newAddress("other"));
        Inbox.await(address, 2); // the two confirmations

        ask(address.toUpperCase()).then().statusCode(202).body("message", equalTo(ACCEPTED));

        List<MimeMessage> links = Inbox.await(address, 4).stream()
                .filter(mail -> Inbox.subject(mail).startsWith("【もしサポ岩手】管理用リンクの再送")).toList();
        assertEquals(2, links.size());
        for (JsonPath venue : List.of(first, second)) {
            String id = venue.getString("facilityId");
            MimeMessage mail = links.stream().filter(m -> Inbox.text(m).contains(id)).findFirst().orElseThrow();
            assertTrue(Inbox.subject(mail).contains(venue.getString("name")), Inbox.subject(mail));
            assertTrue(Inbox.html(mail).contains(id), "the HTML part has the link too");
            Matcher link = LINK.matcher(Inbox.text(mail));
            assertTrue(link.find(), Inbox.text(mail));
            assertEquals(id, link.group(1));
            String fresh = link.group(2);
            assertNotEquals(venue.getString("managementToken"), fresh);
            given().auth().oauth2(fresh).when().get("/api/facilities/" + id).then().statusCode(200);
            given().auth().oauth2(venue.getString("managementToken")).when().get("/api/facilities/" + id)
                    .then().statusCode(404);
        }
        // A venue of another address keeps its link.
        given().auth().oauth2(other.getString("managementToken")).when()
                .get("/api/facilities/" + other.getString("facilityId")).then().statusCode(200);
    }

    @Test
    void anUnknownAddressGetsTheSameAnswerAndNothingIsQueued() {
        String known = Inbox.newAddress("known");
        register("もしサポ商会", known);
        long queued = linkMails();
        Response forUnknown = ask(Inbox.newAddress("nobody"));
        Response forKnown = ask(known);
        assertEquals(forKnown.statusCode(), forUnknown.statusCode());
        assertEquals(forKnown.contentType(), forUnknown.contentType());
        assertEquals(forKnown.asString(), forUnknown.asString());
        assertEquals(queued + 1, linkMails(), "only the known address got a mail");
    }

    @Test
    void anAddressGetsAtMostThreeLinksAnHourWhateverItAsks() {
        String address = Inbox.newAddress("limited");
        JsonPath venue = register("もしサポ屋台", address);
        for (int i = 0; i < 5; i++) {
            ask(address).then().statusCode(202).body("message", equalTo(ACCEPTED));
        }
        assertEquals(List.of("3"), Database.strings(db,
                "SELECT count(*) FROM facility.mail_outbox WHERE kind = 'MANAGEMENT_LINK' AND recipient = ?", address));
        // The last link mailed is the one that works: requests over the limit replaced nothing.
        List<MimeMessage> mails = Inbox.await(address, 4);
        Matcher link = LINK.matcher(Inbox.text(mails.get(mails.size() - 1)));
        assertTrue(link.find());
        given().auth().oauth2(link.group(2)).when().get("/api/facilities/" + venue.getString("facilityId"))
                .then().statusCode(200);
    }

    @Test
    void aMalformedAddressIsRefusedAtTheFieldAndNothingChanges() {
        long queued = linkMails();
        for (String bad : List.of("", "a@b.jp, c@d.jp", "venue@example.jp\r\nBcc: x@example.jp", "nobody")) {
            ask(bad).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("email"));
        }
        given().contentType(ContentType.JSON).body("{\"email\": 12}").when().post("/api/management-links")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"email\": \"" + "a".repeat(5000) + "@example.jp\"}")
                .when().post("/api/management-links").then().statusCode(413);
        assertEquals(queued, linkMails());
    }

    private long linkMails() {
        return Long.parseLong(Database.strings(db,
                "SELECT count(*) FROM facility.mail_outbox WHERE kind = 'MANAGEMENT_LINK'").get(0));
    }

    private static Response ask(String address) {
        return given().contentType(ContentType.JSON).header("Accept-Language", "ja")
                .body(Map.of("email", address)).when().post("/api/management-links");
    }

    private static JsonPath register(String name, String address) {
        Map<String, Object> form = Venues.form(name, "店内");
        form.put("email", address);
        return given().contentType(ContentType.JSON).body(form).when().post("/api/facilities")
                .then().statusCode(201).extract().jsonPath();
    }
}
