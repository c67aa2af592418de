package jp.moshisapo.facility.staff;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import jp.moshisapo.servers.SharedServers;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class VenueSearchIT {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AgroalDataSource db;

    /** A word no other test's venue has, so a search for it finds this test's venues only. */
    private static String tag() {
        StringBuilder tag = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            tag.append((char) ('A' + RANDOM.nextInt(26)));
        }
        return tag.toString();
    }

    private static String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }

    private static JsonPath register(Map<String, Object> changes, String... rooms) {
        Map<String, Object> form = Venues.form("仮", rooms);
        form.putAll(changes);
        return given().contentType(ContentType.JSON).body(form).when().post("/api/facilities")
                .then().statusCode(201).extract().jsonPath();
    }

    /** Searches with query parameters given as name, value, name, value… */
    private static ValidatableResponse search(String... parameters) {
        Map<String, Object> query = new LinkedHashMap<>();
        for (int i = 0; i < parameters.length; i += 2) {
            query.put(parameters[i], parameters[i + 1]);
        }
        return given().auth().oauth2(SharedServers.keycloak().accessToken("staff1", "staff1")).queryParams(query)
                .when().get("/admin/facilities").then();
    }

    @Test
    void aNameIsFoundWhateverWidthKanaAndCaseStaffTypeItIn() {
        String tag = tag();
        String name = tag + " ｶﾌｪ・ﾓﾘｵｶ Ｂｌｕｅ";
        register(Map.of("name", name), "店内");

        for (String typed : List.of(
                tag + " カフェ・モリオカ",                   // full-width katakana for the registered half-width
                tag.toLowerCase() + " かふぇ・もりおか",     // hiragana, lower case
                tag + "かふぇ・もりおか",                    // without the space the name has
                "ﾓﾘｵｶ blue",                                // a part from the middle
                "もりおかＢＬＵＥ")) {                       // full-width capitals
            search("q", typed).statusCode(200).body("results.name", hasItem(name));
        }
        search("q", tag + " かふぇ・ちがう").statusCode(200).body("results", org.hamcrest.Matchers.empty());
    }

    @Test
    void aPhoneNumberIsFoundByItsDigitsHoweverItIsWritten() {
        String phone = "019" + digits(7);
        String written = phone.substring(0, 3) + "-" + phone.substring(3, 6) + "-" + phone.substring(6);
        String tag = tag();
        register(Map.of("name", "電話で探す食堂 " + tag, "phone", written), "1階");

        for (String typed : List.of(phone, "(" + phone.substring(0, 3) + ") " + phone.substring(3, 6) + " "
                + phone.substring(6), "０１９" + phone.substring(3), phone.substring(3))) {
            search("q", typed).statusCode(200).body("results.name", hasItem("電話で探す食堂 " + tag));
        }
    }

    @Test
    void anAddressAndAPostalCodeFindTheVenue() {
        String tag = tag();
        String postal = "02" + digits(5);
        register(Map.of("name", "住所で探す会館 " + tag, "postalCode", postal, "address1", "岩手県花巻市大通り",
                "address2", "1-2-3 " + tag + "ビル"), "ホール");

        search("q", "花巻市大通り1-2-3 " + tag.toLowerCase()).statusCode(200)
                .body("results.name", hasItem("住所で探す会館 " + tag))
                .body("results[0].municipality", equalTo("花巻市"))
                .body("results[0].address", equalTo("岩手県花巻市大通り 1-2-3 " + tag + "ビル"));
        search("q", "〒" + postal.substring(0, 3) + "-" + postal.substring(3)).statusCode(200)
                .body("results.name", hasItem("住所で探す会館 " + tag));
    }

    @Test
    void aFragmentOfAPrintedCodeFindsTheVenueWithEveryCodeAndItsStatus() {
        String tag = tag();
        JsonPath venue = register(Map.of("name", "コードで探す酒場 " + tag), "カウンター", "座敷");
        String counter = venue.getString("rooms[0].code");
        String zashiki = venue.getString("rooms[1].code");
        given().auth().oauth2(venue.getString("managementToken"))
                .when().post("/api/facilities/" + venue.getString("facilityId") + "/codes/" + zashiki + "/revoke")
                .then().statusCode(200);

        // The middle of the code, across its hyphen, in lower case: what staff read off a photo of a torn poster.
        String fragment = counter.replace("-", "").substring(2, 7).toLowerCase();
        search("q", fragment).statusCode(200)
                .body("results.find { it.name == 'コードで探す酒場 " + tag + "' }.codes.code",
                        equalTo(List.of(counter, zashiki)))
                .body("results.find { it.name == 'コードで探す酒場 " + tag + "' }.codes.status",
                        equalTo(List.of("ACTIVE", "REVOKED")))
                .body("results.find { it.name == 'コードで探す酒場 " + tag + "' }.codes.room",
                        equalTo(List.of("カウンター", "座敷")));
    }

    @Test
    void businessTypeAndMunicipalityNarrowTheResults() {
        String tag = tag();
        register(Map.of("name", "紫波の店 " + tag, "address1", "岩手県紫波郡紫波町日詰", "address2", "1"), "店内");
        register(Map.of("name", "盛岡の店 " + tag, "businessType", "OUTDOOR_EVENT"), "会場");

        search("q", tag, "municipality", "紫波町").statusCode(200)
                .body("results.name", equalTo(List.of("紫波の店 " + tag)))
                .body("results[0].municipality", equalTo("紫波町"));
        search("q", tag, "businessType", "OUTDOOR_EVENT").statusCode(200)
                .body("results.name", equalTo(List.of("盛岡の店 " + tag)));
        search("q", tag, "businessType", "FOOD_SERVICE", "municipality", "盛岡市").statusCode(200)
                .body("results.name", equalTo(List.of()));
        search("municipality", "紫波町").statusCode(200).body("results.name", hasItem("紫波の店 " + tag));
    }

    @Test
    void theMunicipalityIsReadFromEveryKindOfAddress() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (String city : List.of("盛岡市", "宮古市", "大船渡市", "花巻市", "北上市", "久慈市", "遠野市", "一関市",
                "陸前高田市", "釜石市", "二戸市", "八幡平市", "奥州市", "滝沢市")) {
            expected.put("岩手県" + city + "中央通1-1", city);
        }
        for (String town : List.of("岩手郡雫石町", "岩手郡葛巻町", "岩手郡岩手町", "紫波郡紫波町", "紫波郡矢巾町",
                "和賀郡西和賀町", "胆沢郡金ケ崎町", "西磐井郡平泉町", "気仙郡住田町", "上閉伊郡大槌町", "下閉伊郡山田町",
                "下閉伊郡岩泉町", "下閉伊郡田野畑村", "下閉伊郡普代村", "九戸郡軽米町", "九戸郡野田村", "九戸郡九戸村",
                "九戸郡洋野町", "二戸郡一戸町")) {
            expected.put("岩手県" + town + "大字1", town.substring(town.indexOf('郡') + 1));
        }
        expected.put("盛岡市内丸10-1", "盛岡市");                  // no prefecture
        expected.put("紫波町日詰", "紫波町");                       // no county
        expected.put("岩手県 胆沢郡 金ケ崎町 西根", "金ケ崎町");      // spaces
        expected.put("宮城県仙台市青葉区本町3-8-1", "仙台市");       // a designated city's ward
        expected.put("東京都千代田区丸の内", "千代田区");             // Tokyo's special wards
        expected.put("三重県四日市市諏訪町1-5", "四日市市");          // a name ending in 市 before 市
        expected.put("長野県大町市大町", "大町市");
        expected.put("東京都東村山市本町", "東村山市");
        expected.put("北海道札幌市中央区北1条", "札幌市");
        expected.put("福島県郡山市朝日", "郡山市");                  // 郡 at the start is no county
        List<String> wrong = new ArrayList<>();
        expected.forEach((address, municipality) -> {
            List<String> read = Database.strings(db, "SELECT facility.municipality(?)", address);
            if (!java.util.Objects.equals(read.get(0), municipality)) {
                wrong.add(address + " → " + read.get(0) + " (expected " + municipality + ")");
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void pagesFollowEachOtherInNameOrderWithoutGapsOrRepeats() {
        String tag = tag();
        for (String name : List.of("え", "い", "お", "あ", "う")) {
            register(Map.of("name", name + "の店 " + tag), "店内");
        }

        List<String> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            JsonPath result = search("q", tag, "size", "2", "page", String.valueOf(page)).statusCode(200).extract().jsonPath();
            assertEquals(page < 3, result.getBoolean("hasMore"), "hasMore on page " + page);
            seen.addAll(result.getList("results.name"));
        }
        assertEquals(List.of("あの店 " + tag, "いの店 " + tag, "うの店 " + tag, "えの店 " + tag, "おの店 " + tag), seen);
    }

    @Test
    void badParametersAreProblemsThatNameThem() {
        search("q", "あ").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("q")).body("errors[0].message", containsString("2文字以上"));
        search("page", "0", "size", "500", "businessType", "CAFE", "q", "盛岡").statusCode(400)
                .body("errors.field", hasItems("page", "size", "businessType"));
        search().statusCode(400).body("errors[0].field", equalTo("q"));
        search("q", "x".repeat(101)).statusCode(400).body("errors[0].field", equalTo("q"));
        search("page", "abc", "q", "盛岡").statusCode(400).body("errors[0].field", equalTo("page"));
    }

    @Test
    void everySearchIsAuditedWithItsCriteriaAndTheVenuesShown() {
        String tag = tag();
        JsonPath venue = register(Map.of("name", "監査される検索 " + tag), "店内");

        search("q", tag, "businessType", "FOOD_SERVICE").statusCode(200);

        List<String> entry = Database.strings(db, """
                SELECT actor_name || ' ' || (details->>'businessType') || ' ' || (details->'facilityIds'->>0)
                FROM facility.staff_audit WHERE action = 'FACILITIES_SEARCHED' AND details->>'q' = ?""", tag);
        assertEquals(List.of("staff1 FOOD_SERVICE " + venue.getString("facilityId")), entry);
        // A refused search reads nothing and records nothing.
        search("q", "あ", "municipality", tag).statusCode(400);
        assertEquals(List.of("0"), Database.strings(db,
                "SELECT count(*) FROM facility.staff_audit WHERE details->>'municipality' = ?", tag));
    }

    @Test
    void withoutAStaffTokenNothingIsFound() {
        given().when().get("/admin/facilities?q=" + tag()).then().statusCode(401)
                .body(not(containsString("results")));
    }
}
