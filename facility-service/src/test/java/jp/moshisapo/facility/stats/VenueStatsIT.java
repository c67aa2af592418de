package jp.moshisapo.facility.stats;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
class VenueStatsIT {

    @Test
    void staffSeeVenuesByBusinessTypeAndMunicipalityAndTodaysRegistrations() {
        JsonPath before = stats();
        register("統計食堂", "FOOD_SERVICE", "岩手県盛岡市内丸");
        register("統計イベント", "OUTDOOR_EVENT", "岩手県紫波郡紫波町桜町");
        register("統計イベント2", "OUTDOOR_EVENT", "岩手県紫波郡紫波町桜町");
        JsonPath after = stats();

        assertEquals(0, after.getInt("suppressedBelow"), "venues are not residents: nothing is suppressed");
        assertEquals(1, count(after, "venuesByBusinessType", "食事提供施設")
                - count(before, "venuesByBusinessType", "食事提供施設"));
        assertEquals(2, count(after, "venuesByBusinessType", "屋外イベント")
                - count(before, "venuesByBusinessType", "屋外イベント"));
        assertEquals(2, count(after, "venuesByMunicipality", "紫波町")
                - count(before, "venuesByMunicipality", "紫波町"));
        String today = LocalDate.now(ZoneId.of("Asia/Tokyo")).toString();
        assertEquals(3, count(after, "registrationsPerDay", today) - count(before, "registrationsPerDay", today));
        assertEquals(90, after.getList("tables.find { it.id == 'registrationsPerDay' }.rows").size());
        assertEquals(List.of("businessType", "venues"),
                after.getList("tables.find { it.id == 'venuesByBusinessType' }.columns"));
    }

    @Test
    void withoutAStaffTokenThereAreNoStatistics() {
        given().when().get("/admin/stats/venues").then().statusCode(401);
    }

    private static JsonPath stats() {
        return given().auth().oauth2(SharedServers.keycloak().accessToken("staff1", "staff1"))
                .when().get("/admin/stats/venues").then().statusCode(200).extract().jsonPath();
    }

    private static long count(JsonPath stats, String table, String key) {
        List<List<Object>> rows = stats.getList("tables.find { it.id == '" + table + "' }.rows");
        return rows.stream().filter(r -> key.equals(r.get(0))).mapToLong(r -> ((Number) r.get(1)).longValue())
                .findFirst().orElse(0);
    }

    private static void register(String name, String type, String address) {
        Map<String, Object> form = Venues.form(name, "1階");
        form.put("businessType", type);
        form.put("address1", address);
        given().contentType(ContentType.JSON).body(form).when().post("/api/facilities").then().statusCode(201);
    }
}
