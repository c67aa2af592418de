package jp.moshisapo.facility.registration;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import jp.moshisapo.facility.management.ManagementToken;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class RegistrationApiIT {

    private static final String CODE = "[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]";

    @Inject
    AgroalDataSource db;

    @Test
    void aVenueGetsOneCodePerRoomWithItsImagesAndAManagementLink() {
        Response response = given().contentType(ContentType.JSON)
                .body(Venues.form("盛岡もしサポ食堂", "1階 客席", "2階 座敷", "テラス"))
                .when().post("/api/facilities");

        response.then().statusCode(201)
                .header("Location", containsString("/api/facilities/"))
                .contentType(ContentType.JSON)
                .body("name", equalTo("盛岡もしサポ食堂"))
                .body("managementToken", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("managementUrl", startsWith("http://127.0.0.1:8080/manage#facility="))
                .body("rooms", hasSize(3))
                .body("rooms.room", equalTo(List.of("1階 客席", "2階 座敷", "テラス")))
                .body("rooms[0].code", matchesPattern(CODE))
                .body("rooms[0].qrPngUrl", matchesPattern("http://127\\.0\\.0\\.1:8080/api/codes/[0-9A-Z]{9}/qr\\.png"))
                .body("rooms[0].qrSvgUrl", matchesPattern(".*/api/codes/[0-9A-Z]{9}/qr\\.svg"))
                .body("rooms[0].posterPdfUrl", matchesPattern(".*/api/codes/[0-9A-Z]{9}/poster\\.pdf"));
        JsonPath json = response.jsonPath();
        assertEquals(3, json.getList("rooms.code").stream().distinct().count());
        assertTrue(json.getString("managementUrl").endsWith("&token=" + json.getString("managementToken")));
    }

    @Test
    void onlyTheHashOfTheManagementTokenIsStored() {
        JsonPath registered = Venues.register("もしサポ書店", "売場");
        String token = registered.getString("managementToken");

        List<String> stored = Database.strings(db,
                "SELECT encode(management_token_hash, 'hex') FROM facility.facilities WHERE id = ?::uuid",
                registered.getString("facilityId"));
        assertEquals(List.of(java.util.HexFormat.of().formatHex(ManagementToken.hash(token))), stored);
        assertEquals(List.of("0"), Database.strings(db,
                "SELECT count(*) FROM facility.facilities WHERE management_token_hash::text LIKE ?", "%" + token + "%"));
    }

    @Test
    void everyInvalidFieldIsNamedInJapaneseAndNothingIsStored() {
        long facilities = Database.count(db, "facilities");
        long codes = Database.count(db, "codes");
        long outbox = Database.count(db, "outbox");
        Map<String, Object> body = new HashMap<>();
        body.put("businessType", "CASINO");
        body.put("scale", "");
        body.put("name", " ");
        body.put("postalCode", "123");
        body.put("address1", "");
        body.put("address2", "x".repeat(101));
        body.put("phone", "12345");
        body.put("email", "not-an-address");
        body.put("termsAccepted", false);
        body.put("rooms", List.of("1階", "１階", ""));

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/facilities")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://moshisapo.jp/problems/invalid-input"))
                .body("title", equalTo("入力内容に誤りがあります"))
                .body("status", equalTo(400))
                .body("detail", containsString("入力し直してください"))
                .body("errors.find { it.field == 'businessType' }.message", equalTo("業態を選択してください。"))
                .body("errors.find { it.field == 'scale' }.message", equalTo("利用規模数を選択してください。"))
                .body("errors.find { it.field == 'name' }.message", equalTo("施設・店舗・イベント名を入力してください。"))
                .body("errors.find { it.field == 'postalCode' }.message", containsString("7桁"))
                .body("errors.find { it.field == 'address1' }.message", equalTo("住所1を入力してください。"))
                .body("errors.find { it.field == 'address2' }.message", equalTo("100文字以内で入力してください。"))
                .body("errors.find { it.field == 'phone' }.message", containsString("10桁または11桁"))
                .body("errors.find { it.field == 'email' }.message", containsString("メールアドレスの形式"))
                .body("errors.find { it.field == 'termsAccepted' }.message", containsString("利用規則に同意する"))
                .body("errors.find { it.field == 'rooms[1]' }.message", containsString("同じ名前の部屋"))
                .body("errors.find { it.field == 'rooms[2]' }.message", containsString("部屋・フロア・テーブル名を入力"))
                .body("errors", hasSize(11))
                .body(not(containsString("Exception")));

        assertEquals(facilities, Database.count(db, "facilities"));
        assertEquals(codes, Database.count(db, "codes"));
        assertEquals(outbox, Database.count(db, "outbox"));
    }

    @Test
    void messagesAreInEnglishWhenTheCallerAsks() {
        Map<String, Object> body = Venues.form("", "1F");
        given().contentType(ContentType.JSON).body(body).queryParam("lang", "en")
                .when().post("/api/facilities")
                .then().statusCode(400)
                .body("title", equalTo("Some entries are not valid"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("Enter the name of the venue, shop or event."));
        given().contentType(ContentType.JSON).body(body).header("Accept-Language", "en-GB,en;q=0.9")
                .when().post("/api/facilities")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("Enter the name of the venue, shop or event."));
    }

    @Test
    void missingRoomsAndTooManyRoomsAreRefused() {
        Map<String, Object> none = Venues.form("もしサポ会館");
        given().contentType(ContentType.JSON).body(none).when().post("/api/facilities")
                .then().statusCode(400).body("errors[0].field", equalTo("rooms"))
                .body("errors[0].message", containsString("1つ以上"));

        List<String> rooms = new ArrayList<>();
        for (int i = 1; i <= 101; i++) {
            rooms.add("テーブル" + i);
        }
        Map<String, Object> many = Venues.form("もしサポ会館");
        many.put("rooms", rooms);
        given().contentType(ContentType.JSON).body(many).when().post("/api/facilities")
                .then().statusCode(400).body("errors[0].field", equalTo("rooms"))
                .body("errors[0].message", containsString("100件まで"));
    }

    @Test
    void anOversizedBodyIsRefusedWith413ProblemAndNothingIsStored() {
        long facilities = Database.count(db, "facilities");
        Map<String, Object> body = Venues.form("もしサポ会館", "受付");
        body.put("padding", "x".repeat(70 * 1024));

        given().contentType(ContentType.JSON).body(body)
                .when().post("/api/facilities")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("送信内容が大きすぎます"));
        assertEquals(facilities, Database.count(db, "facilities"));
    }

    @Test
    void brokenJsonWrongTypesAndWrongContentTypesGetProblemsNotStackTraces() {
        given().contentType(ContentType.JSON).body("{\"name\": \"盛岡\", ")
                .when().post("/api/facilities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://moshisapo.jp/problems/malformed-body"))
                .body(not(containsString("jackson")));
        given().contentType(ContentType.JSON).body("{\"rooms\": \"1階\"}")
                .when().post("/api/facilities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("rooms"))
                .body("errors[0].message", equalTo("形式が正しくありません。"));
        given().contentType(ContentType.JSON).body("[1, 2]")
                .when().post("/api/facilities")
                .then().statusCode(400).body("detail", equalTo("送信内容はJSONオブジェクトにしてください。"));
        given().contentType(ContentType.JSON).body("")
                .when().post("/api/facilities")
                .then().statusCode(400).body("detail", equalTo("送信内容が空です。"));
        given().contentType(ContentType.TEXT).body("name=x")
                .when().post("/api/facilities")
                .then().statusCode(415).contentType("application/problem+json");
        given().when().delete("/api/facilities")
                .then().statusCode(405).contentType("application/problem+json");
    }

    @Test
    void numbersForTextOrConsentAndCharactersAfterTheDocumentAreRefusedAndNothingIsStored() {
        long facilities = Database.count(db, "facilities");
        Map<String, Object> numericConsent = Venues.form("もしサポ会館", "受付");
        numericConsent.put("termsAccepted", 12345);
        Map<String, Object> numericName = Venues.form("もしサポ会館", "受付");
        numericName.put("name", 12345);
        Map<String, Object> numericRooms = Venues.form("もしサポ会館");
        numericRooms.put("rooms", List.of(1, 2, 3));

        for (var wrong : Map.of("termsAccepted", numericConsent, "name", numericName, "rooms[0]", numericRooms)
                .entrySet()) {
            given().contentType(ContentType.JSON).body(wrong.getValue())
                    .when().post("/api/facilities")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(wrong.getKey()))
                    .body("errors[0].message", equalTo("形式が正しくありません。"));
        }
        String trailing = new ObjectMapper().valueToTree(Venues.form("もしサポ会館", "受付"))
                .toString() + "}}}";
        given().contentType(ContentType.JSON).body(trailing)
                .when().post("/api/facilities")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("送信内容が正しいJSON形式ではありません。"));
        assertEquals(facilities, Database.count(db, "facilities"));
    }

    @Test
    void anApiPathNoEndpointServesIsA404Problem() {
        for (String path : List.of("/api/qr.png", "/api/codes", "/api/nothing/here")) {
            given().when().get(path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo("https://moshisapo.jp/problems/not-found"));
        }
    }
}
