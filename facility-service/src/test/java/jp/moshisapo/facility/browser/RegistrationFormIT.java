package jp.moshisapo.facility.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import jp.moshisapo.facility.support.Database;
import jp.moshisapo.facility.support.PdfReading;
import jp.moshisapo.facility.support.Venues;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.servers.Browser;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The venue form in a real headless Chromium, served under the service's own Content-Security-Policy. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class RegistrationFormIT {

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    AgroalDataSource db;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private WebDriver driver() {
        return browser.driver;
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(driver(), Duration.ofSeconds(30));
    }

    /** Opens a page and waits until our script module ran (it would not, were the CSP to block it). */
    private void open(String path) {
        driver().get(root.toString().replaceAll("/$", "") + path);
        waiting().until(d -> ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.dataset.ready || document.querySelector('#manage-content') && "
                        + "(document.querySelector('#manage-status').textContent !== '' || "
                        + "!document.querySelector('#manage-content').hidden)") != null);
    }

    private WebElement byId(String id) {
        return driver().findElement(By.id(id));
    }

    private void type(String id, String text) {
        WebElement input = byId(id);
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void aVenueFillsInTheFormAndGetsEachRoomsQrCodePrintedCodeAndPoster() throws Exception {
        open("/");
        assertEquals("ja", byId("registration").findElement(By.xpath("/html")).getAttribute("lang"));
        assertTrue(driver().getPageSource().contains("利用規則に同意する"));
        assertTrue(byId("terms-link").getAttribute("href").endsWith("/terms"));
        browser.screenshot("form-ja");

        long facilities = Database.count(db, "facilities");
        byId("room-0").clear();
        byId("submit").click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertEquals("業態を選択してください。", byId("businessType-error").getText());
        assertEquals("施設・店舗・イベント名を入力してください。", byId("name-error").getText());
        assertEquals("部屋・フロア・テーブル名を入力してください。",
                driver().findElement(By.cssSelector("#rooms .room-row .error")).getText());
        assertTrue(byId("termsAccepted-error").getText().contains("利用規則に同意する"));
        assertEquals("true", byId("name").getAttribute("aria-invalid"));
        browser.screenshot("form-ja-errors");
        assertEquals(facilities, Database.count(db, "facilities"), "nothing stored");

        new Select(byId("businessType")).selectByVisibleText("食事提供施設");
        assertTrue(byId("businessType-hint").getText().contains("飲食店（居酒屋含む）"));
        new Select(byId("scale")).selectByVisibleText("11〜50人");
        type("name", "盛岡もしサポ食堂");
        type("postalCode", "0208570");
        type("address1", "岩手県盛岡市内丸");
        type("address2", "10-1 もしサポビル 1階");
        type("phone", "019-629-5487");
        type("email", "shokudo@example.jp");
        type("room-0", "1階 客席");
        byId("add-room").click();
        type("room-1", "2階 座敷");
        byId("termsAccepted").click();
        byId("submit").click();

        WebElement title = waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("done-title")));
        assertEquals("盛岡もしサポ食堂のQRコードを発行いたしました", title.getText());
        assertTrue(byId("done-section").getText().contains("もしサポ岩手 コード発行完了"));
        List<WebElement> cards = driver().findElements(By.cssSelector("#done-rooms .room-card"));
        assertEquals(2, cards.size());
        assertEquals("1階 客席", cards.get(0).findElement(By.className("room-name")).getText());
        assertEquals("2階 座敷", cards.get(1).findElement(By.className("room-name")).getText());
        waiting().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return [...document.querySelectorAll('#done-rooms img.qr')].every(i => i.complete && i.naturalWidth > 0)"));
        String manageLink = byId("manage-link").getText();
        assertTrue(manageLink.startsWith("http://127.0.0.1:8080/manage#facility="), manageLink);
        assertTrue(manageLink.endsWith("&token=" + byId("manage-token").getText()), manageLink);
        String page = byId("done-section").getText();
        for (String note : List.of("紛失しないように大切に保管してください", "途中で入れ替えたりしないでください",
                "SNSやインターネット上に掲載しない", "部屋ごとにQRコードを発行申請してください")) {
            assertTrue(page.contains(note), note);
        }
        browser.screenshot("done-ja");
        assertEquals(facilities + 1, Database.count(db, "facilities"));

        WebElement first = cards.get(0);
        PrintedCode code = PrintedCode.parse(first.findElement(By.className("code-value")).getText());
        assertEquals(code.display(), first.findElement(By.className("code-value")).getText());
        assertEquals("掲示用PDFを見る", first.findElement(By.className("view-pdf")).getText());
        WebElement download = first.findElement(By.className("download-pdf"));
        assertEquals("掲示用PDFをダウンロード", download.getText());
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(download.getAttribute("href"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment"));
        String text = PdfReading.flatText(pdf.body(), 0);
        assertTrue(text.contains("盛岡もしサポ食堂") && text.contains("1階客席") && text.contains(code.display()), text);
        assertEquals("http://127.0.0.1:8080/c/" + code.canonical(), PdfReading.qrContent(pdf.body(), 0));
    }

    @Test
    void theEnglishFormExplainsMistakesInEnglish() {
        open("/?lang=en");
        assertEquals("en", driver().findElement(By.xpath("/html")).getAttribute("lang"));
        new Select(byId("businessType")).selectByVisibleText("Museums");
        new Select(byId("scale")).selectByVisibleText("up to 10 people");
        type("name", "Morioka Moshisapo Museum");
        type("postalCode", "12-345");
        type("address1", "Iwate, Morioka");
        type("phone", "019-629-5487");
        type("email", "museum@example.jp");
        byId("termsAccepted").click();
        byId("submit").click();

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("postalCode-error")));
        assertEquals("Enter the postal code as 7 digits (e.g. 020-8570).", byId("postalCode-error").getText());
        assertTrue(byId("error-summary").getText().contains("Please check your entries."));
        browser.screenshot("form-en-errors");
    }

    @Test
    void theManagementLinkShowsTheCodesAndRevokesOne() {
        JsonPath venue = Venues.register("もしサポ会館", "大ホール", "小ホール");
        String managementUrl = venue.getString("managementUrl");
        open(managementUrl.substring(managementUrl.indexOf("/manage")));

        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("manage-content")));
        assertEquals("もしサポ会館", byId("facility-name").getText());
        List<WebElement> cards = driver().findElements(By.cssSelector("#manage-rooms .room-card"));
        assertEquals(2, cards.size());
        assertEquals("有効", cards.get(1).findElement(By.className("status")).getText());

        cards.get(1).findElement(By.className("revoke")).click();
        driver().switchTo().alert().accept();
        waiting().until(d -> d.findElements(By.cssSelector("#manage-rooms .room-card.revoked")).size() == 1);
        assertEquals("無効", driver().findElement(By.cssSelector("#manage-rooms .room-card.revoked .status")).getText());

        type("new-room", "ロビー");
        driver().findElement(By.cssSelector("#add-rooms button")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#manage-rooms .room-card")).size() == 3);
        browser.screenshot("manage-ja");
        assertEquals(List.of("REVOKED"), Database.strings(db, "SELECT status FROM facility.codes WHERE code = ?",
                venue.getString("rooms[1].code").replace("-", "")));
    }

    @Test
    void theManagerReissuesTheLinkAndTheOldOneStopsWorking() {
        JsonPath venue = Venues.register("もしサポ再発行館", "受付", "会議室");
        String oldUrl = venue.getString("managementUrl");
        String oldToken = venue.getString("managementToken");
        String oldPath = oldUrl.substring(oldUrl.indexOf("/manage"));
        open(oldPath);
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("manage-content")));
        assertEquals("管理用リンクを再発行する", byId("rotate-token").getText());

        // Changing one's mind at the confirmation changes nothing.
        byId("rotate-token").click();
        assertTrue(driver().switchTo().alert().getText().contains("すぐに使えなくなります"));
        driver().switchTo().alert().dismiss();
        assertFalse(byId("rotated").isDisplayed());
        assertEquals(List.of(java.util.HexFormat.of().formatHex(
                jp.moshisapo.facility.management.ManagementToken.hash(oldToken))), storedHash(venue));

        byId("rotate-token").click();
        driver().switchTo().alert().accept();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("rotated")));
        String newToken = byId("new-manage-token").getText();
        String newLink = byId("new-manage-link").getText();
        assertNotEquals(oldToken, newToken);
        assertEquals("http://127.0.0.1:8080/manage#facility=" + venue.getString("facilityId") + "&token=" + newToken,
                newLink);
        assertTrue(byId("rotated-notice").getText().contains("今回しか表示されません"));
        assertTrue(driver().getCurrentUrl().endsWith("&token=" + newToken), "the address bar holds the new token");
        browser.screenshot("manage-rotated-ja");

        // The page goes on working with the new token.
        type("new-room", "ロビー");
        driver().findElement(By.cssSelector("#add-rooms button")).click();
        waiting().until(d -> d.findElements(By.cssSelector("#manage-rooms .room-card")).size() == 3);

        // The old link now opens nothing, the new one opens the venue, in English too.
        driver().get("about:blank");
        open(oldPath);
        waiting().until(d -> !byId("manage-status").getText().isEmpty() && !byId("manage-status").getText()
                .equals("読み込んでいます…"));
        assertEquals("施設が見つからないか、管理用トークンが正しくありません。", byId("manage-status").getText());
        assertFalse(byId("manage-content").isDisplayed());
        driver().get("about:blank");
        open(newLink.substring(newLink.indexOf("/manage")).replace("/manage#", "/manage?lang=en#"));
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("manage-content")));
        assertEquals("もしサポ再発行館", byId("facility-name").getText());
        assertEquals("Reissue the management link", byId("rotate-token").getText());
    }

    private List<String> storedHash(JsonPath venue) {
        return Database.strings(db, "SELECT encode(management_token_hash, 'hex') FROM facility.facilities "
                + "WHERE id = ?::uuid", venue.getString("facilityId"));
    }
}
