package jp.moshisapo.facility.code;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import javax.imageio.ImageIO;
import jp.moshisapo.facility.support.PdfReading;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class CodeEndpointsIT {

    private PrintedCode code;

    @BeforeEach
    void register() {
        JsonPath venue = Venues.register("もしサポ美術館", "展示室A");
        code = PrintedCode.parse(venue.getString("rooms[0].code"));
    }

    /** How people type a printed code: lower case, no hyphens, O for 0, I or L for 1, full width. */
    private String sloppy(PrintedCode printed) {
        StringBuilder typed = new StringBuilder();
        for (char c : printed.canonical().toCharArray()) {
            typed.append(switch (c) {
                case '0' -> 'o';
                case '1' -> 'l';
                default -> Character.toLowerCase(c);
            });
        }
        return typed.toString();
    }

    @Test
    void theQrPngAndSvgEncodeThePublicCheckinAddressForAnySpellingOfTheCode() throws Exception {
        for (String spelling : new String[] {code.display(), code.canonical(), sloppy(code)}) {
            byte[] png = given().when().get("/api/codes/" + spelling + "/qr.png")
                    .then().statusCode(200).contentType("image/png").extract().asByteArray();
            assertEquals("http://127.0.0.1:8080/c/" + code.canonical(),
                    PdfReading.decode(ImageIO.read(new ByteArrayInputStream(png))));
        }
        given().when().get("/api/codes/" + code.display() + "/qr.svg")
                .then().statusCode(200).contentType("image/svg+xml").body(containsString("<svg"));
    }

    @Test
    void thePosterPdfShowsTheVenueAndIsSavedWhenAskedTo() {
        byte[] pdf = given().when().get("/api/codes/" + code.canonical() + "/poster.pdf")
                .then().statusCode(200).contentType("application/pdf")
                .header("Content-Disposition", containsString("inline"))
                .extract().asByteArray();
        String text = PdfReading.flatText(pdf, 0);
        assertTrue(text.contains("もしサポ美術館") && text.contains("展示室A") && text.contains(code.display()), text);
        assertEquals("http://127.0.0.1:8080/c/" + code.canonical(), PdfReading.qrContent(pdf, 0));

        given().queryParam("download", "1").when().get("/api/codes/" + code.canonical() + "/poster.pdf")
                .then().statusCode(200).header("Content-Disposition",
                        equalTo("attachment; filename=\"poster-" + code.canonical() + ".pdf\""));
    }

    @Test
    void unknownAndMistypedCodesAre404Problems() {
        String unknown = PrintedCode.generate(new java.security.SecureRandom()).canonical();
        String wrongCheck = code.canonical().substring(0, 8)
                + (code.canonical().charAt(8) == 'A' ? 'B' : 'A');
        for (String path : new String[] {"/api/codes/" + unknown + "/qr.png", "/api/codes/" + wrongCheck + "/qr.svg",
                "/api/codes/hello/poster.pdf"}) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json")
                    .body("title", equalTo("見つかりません"))
                    .body("detail", containsString("無効になっています"));
        }
    }

    @Test
    void scanningTheQrOpensLineWithTheCheckinTextOfThePrintedCode() {
        String location = given().redirects().follow(false)
                .when().get("/c/" + code.canonical())
                .then().statusCode(302).header("Cache-Control", "no-store")
                .extract().header("Location");

        URI uri = URI.create(location);
        assertEquals("https", uri.getScheme());
        assertEquals("line.me", uri.getHost());
        assertEquals("/R/oaMessage/%40moshisapo/", uri.getRawPath());
        assertEquals("チェックイン " + code.display(), URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8));
    }

    @Test
    void anUnknownCodeGetsASmallJapanesePageNotLine() {
        given().redirects().follow(false).when().get("/c/ZZZZZZZZZ")
                .then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("このQRコードは無効です"))
                .body(containsString("<html lang=\"ja\">"));
        given().redirects().follow(false).header("Accept-Language", "en").when().get("/c/nonsense")
                .then().statusCode(404).body(containsString("This QR code is not valid"));
    }
}
