package jp.moshisapo.facility.notice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.Inbox;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import jp.moshisapo.servers.SharedServers;
import jp.moshisapo.servers.Wait;
import org.junit.jupiter.api.Test;

/** The prefecture's notices reach exactly the opted-in venues of their audience, once, and unsubscribe holds. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class NoticeIT {

    @Inject
    AgroalDataSource db;

    @Test
    void anApprovedNoticeReachesExactlyItsAudienceOnceAcrossAnOutageAndUnsubscribeStopsTheNext() {
        String town = "奥州市"; // unique to this test's venues
        String food = Inbox.newAddress("food");
        String foodToo = Inbox.newAddress("food2");
        String optedOut = Inbox.newAddress("optout");
        String otherTown = Inbox.newAddress("elsewhere");
        String otherType = Inbox.newAddress("shop");
        register("奥州食堂", food, "FOOD_SERVICE", "岩手県奥州市水沢", true);
        register("奥州酒場", foodToo, "FOOD_SERVICE", "岩手県奥州市江刺", true);
        register("奥州茶屋", optedOut, "FOOD_SERVICE", "岩手県奥州市前沢", false);
        register("盛岡食堂", otherTown, "FOOD_SERVICE", "岩手県盛岡市内丸", true);
        register("奥州商店", otherType, "COMMERCIAL", "岩手県奥州市水沢", true);

        Map<String, Object> notice = Map.of("subject", "感染対策アンケートのお願い", "body", "いつもご協力ありがとうございます。\nアンケートにご回答ください。",
                "surveyUrl", "https://survey.example.jp/q1", "businessTypes", List.of("FOOD_SERVICE"),
                "municipalities", List.of(town));
        JsonPath draft = given().auth().oauth2(token("staff1")).contentType(ContentType.JSON).body(notice)
                .when().post("/admin/notices").then().statusCode(201)
                .body("state", equalTo("DRAFT")).body("audience", equalTo(2)).extract().jsonPath();
        String id = draft.getString("id");
        // Four eyes: staff cannot approve; an approver cannot approve a notice of their own.
        given().auth().oauth2(token("staff1")).when().post("/admin/notices/" + id + "/approve").then().statusCode(403);
        String own = given().auth().oauth2(token("approver1")).contentType(ContentType.JSON).body(notice)
                .when().post("/admin/notices").then().statusCode(201).extract().path("id");
        given().auth().oauth2(token("approver1")).when().post("/admin/notices/" + own + "/approve").then()
                .statusCode(403).body("detail", equalTo("自分で作成したお知らせは承認できません。別の職員が承認してください。"));
        given().auth().oauth2(token("approver1")).when().get("/admin/notices/" + own).then().statusCode(200)
                .body("state", equalTo("DRAFT"));
        assertEquals(List.of("NOTICE_DRAFTED approver1", "NOTICE_APPROVAL_REFUSED approver1"), Database.strings(db,
                "SELECT action || ' ' || actor_name FROM facility.staff_audit WHERE details->>'notice' = ? ORDER BY id",
                own));

        Inbox.server().stopForOutage();
        try {
            given().auth().oauth2(token("approver1")).when().post("/admin/notices/" + id + "/approve")
                    .then().statusCode(200).body("state", equalTo("APPROVED")).body("audience", equalTo(2));
            Wait.until("the relay to fail at least once", Duration.ofSeconds(30), () -> Long.parseLong(Database.strings(db,
                    "SELECT coalesce(sum(attempts), 0) FROM facility.mail_outbox WHERE notice_id = ?::uuid", id)
                    .get(0)) > 0);
        } finally {
            Inbox.server().resume();
        }
        // The server came back with an empty store (MailServer.resume): every notice mail arrives after it.
        String subject = "感染対策アンケートのお願い";
        for (String address : List.of(food, foodToo)) {
            MimeMessage mail = awaitNotice(address, subject);
            assertTrue(Inbox.text(mail).contains("https://survey.example.jp/q1"), Inbox.text(mail));
            String unsubscribe = Inbox.header(mail, "List-Unsubscribe");
            assertTrue(unsubscribe.matches("<http://127\\.0\\.0\\.1:8080/api/unsubscribe/[0-9a-f-]{36}>"), unsubscribe);
            assertEquals("List-Unsubscribe=One-Click", Inbox.header(mail, "List-Unsubscribe-Post"));
        }
        Wait.until("the delivery report to show 2 sent", Duration.ofSeconds(30), () -> given().auth()
                .oauth2(token("staff1")).when().get("/admin/notices/" + id).then().extract().jsonPath()
                .getInt("delivery.SENT") == 2);
        for (String address : List.of(food, foodToo)) {
            assertEquals(1, notices(address, subject).size(), "once: " + address);
        }
        for (String address : List.of(optedOut, otherTown, otherType)) {
            assertEquals(List.of(), notices(address, subject), address);
        }
        // Approving again sends nothing more.
        given().auth().oauth2(token("approver1")).when().post("/admin/notices/" + id + "/approve").then().statusCode(200);
        assertEquals(List.of("2"), Database.strings(db,
                "SELECT count(*) FROM facility.mail_outbox WHERE notice_id = ?::uuid", id));
        // Both eyes are in the staff audit log: who drafted (for how many), who sent (to how many).
        assertEquals(List.of("NOTICE_DRAFTED staff1 2", "NOTICE_APPROVED approver1 2"), Database.strings(db,
                "SELECT action || ' ' || actor_name || ' ' || coalesce(details->>'audience', details->>'recipients') "
                        + "FROM facility.staff_audit WHERE details->>'notice' = ? ORDER BY id", id));

        // One venue unsubscribes with its mail's one-click link; the next notice skips it.
        MimeMessage first = notices(food, subject).get(0);
        String link = Inbox.header(first, "List-Unsubscribe").replaceAll("[<>]", "");
        assertTrue(Inbox.text(first).contains(link), "the text names the same link: " + Inbox.text(first));
        String path = link.replace("http://127.0.0.1:8080", "");
        // Opening the link (as a mail scanner does) only shows the page with the button; it changes nothing.
        given().when().get(path).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("配信を停止する"));
        assertEquals(List.of("1"), optedIn(food));
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .when().post(path).then().statusCode(200).body(containsString("配信を停止しました"));
        assertEquals(List.of("0"), optedIn(food));
        // A made-up key gets the same page and changes nothing.
        given().contentType("application/x-www-form-urlencoded").body("List-Unsubscribe=One-Click")
                .when().post("/api/unsubscribe/" + UUID.randomUUID()).then().statusCode(200)
                .body(containsString("配信を停止しました"));
        assertEquals(List.of("1"), optedIn(foodToo));
        String nextSubject = "次のお知らせ";
        JsonPath next = given().auth().oauth2(token("staff2")).contentType(ContentType.JSON)
                .body(Map.of("subject", nextSubject, "body", "本文", "municipalities", List.of(town)))
                .when().post("/admin/notices").then().statusCode(201).body("audience", equalTo(2)).extract().jsonPath();
        given().auth().oauth2(token("approver1")).when().post("/admin/notices/" + next.getString("id") + "/approve")
                .then().statusCode(200).body("audience", equalTo(2));
        awaitNotice(foodToo, nextSubject);
        awaitNotice(otherType, nextSubject);
        Wait.until("the second notice to be answered for", Duration.ofSeconds(30), () -> Database.strings(db,
                "SELECT count(*) FROM facility.mail_outbox WHERE notice_id = ?::uuid AND status = 'SENT'",
                next.getString("id")).equals(List.of("2")));
        assertEquals(List.of(), notices(food, nextSubject), "unsubscribed");
    }

    @Test
    void badNoticesAreRefusedAtTheirFieldsAndNothingIsStored() {
        long before = Database.count(db, "notices");
        Map<String, Object> bad = new HashMap<>();
        bad.put("subject", "件名\r\nBcc: everyone@example.jp");
        bad.put("body", "あ".repeat(5001));
        bad.put("surveyUrl", "javascript:alert(1)");
        bad.put("businessTypes", List.of("CASINO"));
        bad.put("municipalities", List.of("Atlantis"));
        long queued = Database.count(db, "mail_outbox");
        given().auth().oauth2(token("staff1")).contentType(ContentType.JSON).body(bad)
                .when().post("/admin/notices").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("subject", "body", "surveyUrl", "businessTypes[0]",
                        "municipalities[0]"))
                .body("errors.find { it.field == 'subject' }.message",
                        equalTo("改行や制御文字は使えません。"));
        given().auth().oauth2(token("staff1")).contentType(ContentType.JSON).body("{\"subject\": [], \"body\": 1}")
                .when().post("/admin/notices").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(token("staff1")).contentType(ContentType.JSON)
                .body("{\"subject\": \"件名\", \"body\": \"" + "あ".repeat(12_000) + "\"}")
                .when().post("/admin/notices").then().statusCode(413).contentType("application/problem+json");
        given().auth().oauth2(token("approver1")).when().post("/admin/notices/" + UUID.randomUUID()
                + "/approve").then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("このお知らせは存在しません。"));
        assertEquals(before, Database.count(db, "notices"));
        assertEquals(queued, Database.count(db, "mail_outbox"));
    }

    private static List<MimeMessage> notices(String address, String subject) {
        return Inbox.now(address).stream().filter(m -> Inbox.subject(m).contains(subject)).toList();
    }

    private static MimeMessage awaitNotice(String address, String subject) {
        Wait.until(address + " to receive " + subject, Duration.ofSeconds(30),
                () -> !notices(address, subject).isEmpty());
        return notices(address, subject).get(0);
    }

    private List<String> optedIn(String address) {
        return Database.strings(db, "SELECT count(*) FROM facility.facilities WHERE email = ? AND receive_notices",
                address);
    }

    private static String token(String user) {
        return SharedServers.keycloak().accessToken(user, user);
    }

    private static void register(String name, String address, String type, String address1, boolean notices) {
        Map<String, Object> form = Venues.form(name, "店内");
        form.put("email", address);
        form.put("businessType", type);
        form.put("address1", address1);
        form.put("receiveNotices", notices);
        given().contentType(ContentType.JSON).body(form).when().post("/api/facilities").then().statusCode(201);
    }
}
