package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A venue registered through the public API, as the web form does it: its id, management token and codes. */
record Venue(String id, String managementToken, List<String> codes) {

    /**
     * Every management token issued to a venue these helpers registered in this JVM: the privacy drill looks for
     * each of them in the services' logs.
     */
    static final Set<String> ISSUED_TOKENS = ConcurrentHashMap.newKeySet();

    static Venue register(String name, String... rooms) {
        return registerAt(TestStack.gateway(), name, rooms);
    }

    /** Registers through the gateway at {@code gateway} (a stack other than the tests' shared one). */
    static Venue registerAt(String gateway, String name, String... rooms) {
        Http.Answer registered = Http.post(gateway + "/api/facilities", null, Map.ofEntries(
                Map.entry("businessType", "FOOD_SERVICE"), Map.entry("scale", "UP_TO_50"),
                Map.entry("name", name), Map.entry("postalCode", "0208570"),
                Map.entry("address1", "岩手県盛岡市内丸10-1"), Map.entry("address2", ""),
                Map.entry("phone", "019-629-5487"), Map.entry("email", "drill@example.com"),
                Map.entry("termsAccepted", true), Map.entry("receiveNotices", false),
                Map.entry("rooms", List.of(rooms))));
        assertEquals(201, registered.status(), String.valueOf(registered.body()));
        List<String> codes = new ArrayList<>();
        registered.json().get("rooms").forEach(room -> codes.add(room.get("code").asText()));
        String token = registered.json().get("managementToken").asText();
        ISSUED_TOKENS.add(token);
        return new Venue(registered.json().get("facilityId").asText(), token, codes);
    }

    /**
     * The venue reissues its management link through {@code gateway} (the management page's button); returns the
     * venue with its new token. The old token stops working at once.
     */
    Venue rotateToken(String gateway) {
        Http.Answer rotated = Http.post(gateway + "/api/facilities/" + id + "/management-token", managementToken, null);
        assertEquals(200, rotated.status(), String.valueOf(rotated.body()));
        String token = rotated.json().get("managementToken").asText();
        ISSUED_TOKENS.add(token);
        return new Venue(id, token, codes);
    }

    /** The first room's printed code, as on the poster ({@code XXXX-XXXX-C}). */
    String code() {
        return codes.get(0);
    }

    /** The printed code without hyphens, as events carry it. */
    static String canonical(String code) {
        return code.replace("-", "");
    }
}
