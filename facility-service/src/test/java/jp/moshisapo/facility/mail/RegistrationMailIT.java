package jp.moshisapo.facility.mail;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
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
import jp.moshisapo.servers.Wait;
import org.junit.jupiter.api.Test;

/** The registration's confirmation mail, received by a real SMTP server. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class RegistrationMailIT {

    private static final Pattern MANAGEMENT_LINK = Pattern.compile(
            "http://127\\.0\\.0\\.1:8080/manage#facility=([0-9a-f-]{36})&token=([A-Za-z0-9_-]{43})");

    @Inject
    AgroalDataSource db;

    @Test
    void theConfirmationCarriesEachRoomsCodeItsLinksAndAManagementLinkThatWorks() {
        String address = Inbox.newAddress("confirm");
        JsonPath venue = register(form("もしサポ食堂", address, "1階客席", "2階座敷"), "ja");
        List<String> codes = venue.getList("rooms.code");

        MimeMessage mail = Inbox.await(address, 1).get(0);
        assertEquals("【もしサポ岩手】QRコード発行完了のお知らせ（もしサポ食堂）", Inbox.subject(mail));
        String text = Inbox.text(mail);
        String html = Inbox.html(mail);
        for (String body : List.of(text, html)) {
            assertTrue(body.contains("もしサポ食堂"), body);
            for (int i = 0; i < 2; i++) {
                assertTrue(body.contains(codes.get(i)), "code " + codes.get(i) + " in " + body);
                assertTrue(body.contains(venue.getString("rooms[" + i + "].qrPngUrl")), body);
                assertTrue(body.contains(venue.getString("rooms[" + i + "].posterPdfUrl")), body);
            }
            assertTrue(body.contains("1階客席") && body.contains("2階座敷"), body);
            assertTrue(body.contains("利用にあたっての注意事項"), body);
            assertTrue(body.contains("SNSやインターネット上に掲載しない"), body);
            assertTrue(body.contains("019-629-5487") && body.contains("岩手県庁 保健福祉部 健康国保課"), body);
        }
        assertFalse(text.contains("<strong>"), "the plain text has no markup: " + text);
        assertTrue(Pattern.compile("医療情報担当\\R電話：019-629-5487").matcher(text).find(), "contact lines: " + text);

        Matcher link = MANAGEMENT_LINK.matcher(text);
        assertTrue(link.find(), text);
        assertEquals(venue.getString("managementUrl"), link.group());
        given().auth().oauth2(link.group(2)).when().get("/api/facilities/" + link.group(1))
                .then().statusCode(200).body("name", org.hamcrest.Matchers.equalTo("もしサポ食堂"));

        String messageId = Inbox.header(mail, "Message-ID");
        assertTrue(messageId.matches("<[0-9a-f-]{36}@127\\.0\\.0\\.1>"), messageId);
        assertEquals(List.of(messageId), Database.strings(db,
                "SELECT message_id FROM facility.mail_outbox WHERE recipient = ?", address));
        // Sent: the management link no longer rests in the database.
        assertEquals(List.of("SENT"), Database.strings(db,
                "SELECT status || coalesce(text_body, '') || coalesce(html_body, '') FROM facility.mail_outbox "
                        + "WHERE recipient = ?", address));
    }

    @Test
    void aVenueThatRegisteredInEnglishGetsTheMailInEnglish() {
        String address = Inbox.newAddress("english");
        JsonPath venue = register(form("Moshisapo Cafe & <Bar>", address, "Hall"), "en");
        MimeMessage mail = Inbox.await(address, 1).get(0);
        assertEquals("[もしサポ岩手] Your QR codes have been issued (Moshisapo Cafe & <Bar>)", Inbox.subject(mail));
        String text = Inbox.text(mail);
        assertTrue(text.contains("Moshisapo Cafe & <Bar>"), "the name as typed: " + text);
        assertTrue(Inbox.html(mail).contains("Moshisapo Cafe &amp; &lt;Bar&gt;"), "the name escaped once in HTML");
        assertTrue(text.contains("Code: " + venue.getString("rooms[0].code")), text);
        assertTrue(text.contains("Do not post the QR codes on social media"), text);
    }

    @Test
    void mailWaitsForTheSmtpServerAndArrivesOnceWithTheSameMessageId() {
        String address = Inbox.newAddress("outage");
        Inbox.server().stopForOutage();
        try {
            register(form("もしサポ酒場", address, "カウンター"), "ja");
            awaitAttempts(address, 2); // the relay tried and failed at least twice
            assertEquals(List.of("PENDING"), Database.strings(db,
                    "SELECT status FROM facility.mail_outbox WHERE recipient = ?", address));
        } finally {
            Inbox.server().resume();
        }
        MimeMessage mail = Inbox.await(address, 1).get(0);
        assertEquals(Database.strings(db, "SELECT message_id FROM facility.mail_outbox WHERE recipient = ?",
                address), List.of(Inbox.header(mail, "Message-ID")));
        awaitStatus(address, "SENT");
        assertEquals(1, Inbox.now(address).size(), "sent once");
    }

    @Test
    void anAddressThatIsNotOneMailboxIsRefusedAtTheFieldAndNothingIsQueued() {
        long queued = Database.count(db, "mail_outbox");
        for (String bad : List.of("venue@example.jp, other@example.jp", "venue@example.jp\r\nBcc: x@example.jp",
                "<venue@example.jp>", "\"venue\"@example.jp", "venue@例え.jp", "venue@example")) {
            given().contentType(ContentType.JSON).body(form("もしサポ商店", bad, "店内"))
                    .when().post("/api/facilities")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.find { it.field == 'email' }.message",
                            org.hamcrest.Matchers.equalTo("メールアドレスの形式が正しくありません（例: email@example.com）。"));
        }
        assertEquals(queued, Database.count(db, "mail_outbox"));
    }

    private static Map<String, Object> form(String name, String email, String... rooms) {
        Map<String, Object> form = Venues.form(name, rooms);
        form.put("email", email);
        return form;
    }

    private static JsonPath register(Map<String, Object> form, String language) {
        return given().contentType(ContentType.JSON).header("Accept-Language", language).body(form)
                .when().post("/api/facilities").then().statusCode(201).extract().jsonPath();
    }

    private void awaitAttempts(String address, int attempts) {
        Wait.until("the relay to try " + attempts + " times", Duration.ofSeconds(30), () -> Database.strings(db,
                "SELECT attempts FROM facility.mail_outbox WHERE recipient = ?", address)
                .stream().mapToInt(Integer::parseInt).sum() >= attempts);
    }

    private void awaitStatus(String address, String status) {
        Wait.until("mail to " + address + " to become " + status, Duration.ofSeconds(30), () -> Database.strings(db,
                "SELECT status FROM facility.mail_outbox WHERE recipient = ?", address).equals(List.of(status)));
    }
}
