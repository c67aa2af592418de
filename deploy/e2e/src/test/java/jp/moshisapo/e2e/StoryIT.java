package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.servers.Browser;
import jp.moshisapo.servers.KeycloakServer;
import jp.moshisapo.servers.Wait;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole story, as its users live it, through the gateway of a full stack: a venue registers three rooms in a
 * real browser, a thousand residents check in with LINE, staff open a case for one room and one day, and exactly
 * the residents who were there get one notice each.
 */
class StoryIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final int RESIDENTS = 1_000;
    private static final String NOTICE_MARK = "【お知らせ】";

    private final String gateway = TestStack.gateway();
    private final LineSimulator line = TestStack.line();
    private final KeycloakServer keycloak = TestStack.get().keycloak().orElseThrow();

    /** A room of the venue with its printed code and the URL its poster's QR code holds. */
    record Room(String name, String code, URI checkinUrl) {
    }

    /** A simulated resident: which room they scan, whether yesterday, whether they consent. */
    record Resident(String userId, int room, boolean yesterday, boolean consents) {
    }

    @Test
    void aVenueResidentsAndStaffGoThroughTheWholeStory() throws Exception {
        List<Room> rooms = venueRegistersThreeRoomsInTheBrowser();
        List<Resident> residents = residentsCheckIn(rooms);
        aForgedWebhookIsRefused();

        Room infected = rooms.get(0);
        Set<String> expected = residents.stream()
                .filter(r -> r.room() == 0 && !r.yesterday() && r.consents())
                .map(Resident::userId).collect(Collectors.toSet());
        long caseId = staffOpenAndApproveACase(infected, expected.size());

        exactlyTheVisitorsOfThatRoomAndDayGetOneNotice(residents, expected);
        theAuditLogAndTheReportTellTheSameStory(caseId, expected.size());

        String erased = expected.iterator().next();
        aResidentReadsAndErasesTheirHistory(erased, infected);
        aLaterCaseNoLongerCountsTheErasedResident(infected, expected.size() - 1);
    }

    private List<Room> venueRegistersThreeRoomsInTheBrowser() throws Exception {
        Browser chromium = Browser.start(1200, 1800);
        ChromeDriver browser = chromium.driver;
        try {
            browser.get(gateway + "/");
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            wait.until(d -> "ja".equals(d.findElement(By.tagName("html")).getAttribute("data-ready")));
            new Select(browser.findElement(By.id("businessType"))).selectByIndex(1);
            new Select(browser.findElement(By.id("scale"))).selectByIndex(1);
            browser.findElement(By.id("name")).sendKeys("〇〇会館 2号館");
            browser.findElement(By.id("postalCode")).sendKeys("020-8570");
            browser.findElement(By.id("address1")).sendKeys("岩手県盛岡市内丸10-1");
            browser.findElement(By.id("phone")).sendKeys("019-629-5487");
            browser.findElement(By.id("email")).sendKeys("venue@example.com");
            browser.findElement(By.id("room-0")).clear();
            browser.findElement(By.id("room-0")).sendKeys("大宴会場");
            browser.findElement(By.id("add-room")).click();
            browser.findElement(By.id("room-1")).sendKeys("1階");
            browser.findElement(By.id("add-room")).click();
            browser.findElement(By.id("room-2")).sendKeys("2階");
            browser.findElement(By.id("termsAccepted")).click();
            chromium.screenshot("story-1-form");
            browser.findElement(By.id("submit")).click();

            wait.until(d -> d.findElement(By.id("done-section")).isDisplayed());
            String qrImagesShown = "const qrs = [...document.querySelectorAll('#done-rooms img.qr')];"
                    + "return qrs.length === 3 && qrs.every(img => img.complete && img.naturalWidth > 0);";
            wait.until(d -> (Boolean) browser.executeScript(qrImagesShown));
            chromium.screenshot("story-2-codes-issued");
            assertTrue(browser.findElement(By.id("done-title")).getText().contains("〇〇会館 2号館のQRコードを発行いたしました"));
            List<Room> rooms = new ArrayList<>();
            for (WebElement card : browser.findElements(By.cssSelector("#done-rooms .room-card"))) {
                String name = card.findElement(By.className("room-name")).getText();
                String code = card.findElement(By.className("code-value")).getText();
                String posterUrl = card.findElement(By.className("view-pdf")).getAttribute("href");
                rooms.add(new Room(name, code, qrUrlInPoster(posterUrl)));
            }
            assertEquals(List.of("大宴会場", "1階", "2階"), rooms.stream().map(Room::name).toList());
            for (Room room : rooms) {
                assertEquals(URI.create(gateway + "/c/" + room.code().replace("-", "")), room.checkinUrl(),
                        "the poster's QR code leads to the room's check-in link");
            }
            return rooms;
        } finally {
            chromium.close();
        }
    }

    private static URI qrUrlInPoster(String posterUrl) throws Exception {
        Http.Answer pdf = Http.download(posterUrl);
        assertEquals(200, pdf.status(), "poster " + posterUrl);
        try (PDDocument document = Loader.loadPDF(pdf.raw())) {
            var page = new PDFRenderer(document).renderImageWithDPI(0, 150);
            var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(page)));
            return URI.create(new MultiFormatReader().decode(bitmap).getText());
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code found on the poster " + posterUrl, e);
        }
    }

    /**
     * Every resident follows the account, scans one room's QR (a quarter of them yesterday) and taps 同意する, or
     * 同意しない for one in ten.
     */
    private List<Resident> residentsCheckIn(List<Room> rooms) throws Exception {
        List<Resident> residents = IntStream.range(0, RESIDENTS)
                .mapToObj(i -> new Resident(LineSimulator.userIdFor("resident-" + i), i % 3, i % 4 == 3, i % 10 != 9))
                .toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Resident resident : residents) {
                done.add(pool.submit(() -> checkIn(resident, rooms.get(resident.room()))));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return residents;
    }

    private void checkIn(Resident resident, Room room) {
        if (resident.yesterday()) {
            line.setClockOffset(resident.userId(), Duration.ofDays(-1));
        }
        assertEquals(200, line.follow(resident.userId()).status());
        assertEquals(200, line.scan(resident.userId(), room.checkinUrl()).status());
        awaitMessageWithButton(resident.userId(), "同意する");
        assertEquals(200, line.tap(resident.userId(), resident.consents() ? "同意する" : "同意しない").status());
        if (resident.consents()) {
            awaitText(resident.userId(), "LINEメッセージでお知らせします");
        }
    }

    private void aForgedWebhookIsRefused() {
        String body = """
                {"destination":"U00000000000000000000000000000000","events":[{"type":"message","mode":"active",
                 "timestamp":1,"source":{"type":"user","userId":"%s"},"webhookEventId":"01FORGED0000000000000000000",
                 "deliveryContext":{"isRedelivery":false},"replyToken":"forged",
                 "message":{"id":"1","type":"text","quoteToken":"q","text":"削除"}}]}"""
                .formatted(LineSimulator.userIdFor("resident-0"));
        assertEquals(401, line.sendRaw(body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "bm90IHRoZSByZWFsIHNpZ25hdHVyZQ==").status());
    }

    private long staffOpenAndApproveACase(Room room, int expectedRecipients) {
        String staff = keycloak.accessToken("staff1", "staff1");
        Http.Answer lookup = Http.get(gateway + "/admin/codes/" + room.code().toLowerCase().replace("-", ""), staff);
        assertEquals(200, lookup.status(), "staff look the code up as the venue read it out");
        assertTrue(lookup.json().toString().contains(room.name()), lookup.json().toString());

        String today = LocalDate.now(TOKYO).toString();
        Http.Answer created = Http.post(gateway + "/admin/cases", staff,
                Map.of("codes", List.of(room.code()), "dates", List.of(today), "note", "story test"));
        assertEquals(201, created.status(), created.json().toString());
        long caseId = created.json().get("id").asLong();

        Wait.until("a preview of " + expectedRecipients + " recipients", Duration.ofMinutes(2), () ->
                Http.get(gateway + "/admin/cases/" + caseId, staff).json().path("preview").path("recipients").asInt()
                        == expectedRecipients);

        Http.Answer selfApproval = Http.post(gateway + "/admin/cases/" + caseId + "/approve", staff, null);
        assertEquals(403, selfApproval.status(), "staff1 has no approver role");
        String approver = keycloak.accessToken("approver1", "approver1");
        Http.Answer approval = Http.post(gateway + "/admin/cases/" + caseId + "/approve", approver, null);
        assertEquals(200, approval.status(), String.valueOf(approval.body()));

        Wait.until("the case to finish sending", Duration.ofMinutes(2), () ->
                Http.get(gateway + "/admin/cases/" + caseId, approver).json().path("state").asText().equals("DONE"));
        return caseId;
    }

    private void exactlyTheVisitorsOfThatRoomAndDayGetOneNotice(List<Resident> residents, Set<String> expected) {
        List<String> wrong = new ArrayList<>();
        for (Resident resident : residents) {
            long notices = line.inbox(resident.userId()).stream().filter(m -> m.text().contains(NOTICE_MARK)).count();
            long wanted = expected.contains(resident.userId()) ? 1 : 0;
            if (notices != wanted) {
                wrong.add(resident + " got " + notices);
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " residents got the wrong number of notices: "
                + wrong.stream().limit(10).toList());
    }

    private void theAuditLogAndTheReportTellTheSameStory(long caseId, int expectedRecipients) {
        String approver = keycloak.accessToken("approver1", "approver1");
        JsonNode audit = Http.get(gateway + "/admin/audit?caseId=" + caseId, approver).json();
        Set<String> actions = new java.util.HashSet<>();
        audit.forEach(entry -> actions.add(entry.get("action").asText()));
        assertTrue(actions.containsAll(Set.of("CASE_CREATED", "CASE_APPROVED", "RECIPIENTS_PLANNED",
                "SENDING_FINISHED")), "audit actions: " + actions);

        JsonNode report = Http.get(gateway + "/admin/cases/" + caseId + "/report", approver).json();
        assertEquals(expectedRecipients, report.path("recipients").path("planned").asInt(), report.toString());
        assertEquals(expectedRecipients, report.path("recipients").path("delivered").asInt(), report.toString());
        assertEquals(0, report.path("recipients").path("failed").asInt(), report.toString());
    }

    private void aResidentReadsAndErasesTheirHistory(String userId, Room room) {
        line.sendText(userId, "履歴");
        awaitText(userId, room.name());
        line.sendText(userId, "削除");
        awaitMessageWithButton(userId, "削除する");
        assertEquals(200, line.tap(userId, "削除する").status());
        awaitText(userId, "削除しました");
    }

    private void aLaterCaseNoLongerCountsTheErasedResident(Room room, int remaining) {
        String staff = keycloak.accessToken("staff2", "staff2");
        Http.Answer created = Http.post(gateway + "/admin/cases", staff, Map.of("codes", List.of(room.code()),
                "dates", List.of(LocalDate.now(TOKYO).toString()), "note", "after erasure"));
        assertEquals(201, created.status());
        long caseId = created.json().get("id").asLong();
        Wait.until("the preview to drop the erased resident", Duration.ofMinutes(1), () ->
                Http.get(gateway + "/admin/cases/" + caseId, staff).json().path("preview").path("residents").asInt()
                        == remaining);
    }

    private void awaitMessageWithButton(String userId, String label) {
        Wait.until("a message with the button " + label, Duration.ofSeconds(60), () ->
                line.inbox(userId).stream().anyMatch(m -> m.actionLabels().contains(label)));
    }

    private void awaitText(String userId, String fragment) {
        Wait.until("a message containing " + fragment, Duration.ofSeconds(60), () ->
                line.inbox(userId).stream().map(InboxMessage::text).anyMatch(t -> t.contains(fragment)));
    }
}
