package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.servers.Browser;
import jp.moshisapo.servers.MailServer;
import jp.moshisapo.servers.Wait;
import jp.moshisapo.stack.App;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff console's notices to venues, in a real Chromium: staff1 drafts one and sees its audience, cannot
 * approve it; approver1 approves and the delivery report counts the mails the real SMTP server received.
 */
class ConsoleNoticesIT {

    private final String console = TestStack.gateway() + "/console/";

    @Test
    void staffDraftANoticeToVenuesAndASecondPersonSendsIt() {
        String town = "遠野市";
        String tag = UUID.randomUUID().toString().substring(0, 6);
        List<String> addresses = List.of("notice-a-" + tag + "@example.jp", "notice-b-" + tag + "@example.jp");
        for (String address : addresses) {
            register(address, "岩手県遠野市新穀町", true);
        }
        register("notice-out-" + tag + "@example.jp", "岩手県遠野市新穀町", false);
        MailServer mail = TestStack.get().mail().orElseThrow();

        Browser chromium = Browser.start(1200, 1800);
        ChromeDriver browser = chromium.driver;
        try {
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
            wait.ignoring(StaleElementReferenceException.class);
            logIn(browser, wait, "staff1");
            browser.findElement(By.id("nav-new-notice")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("notice-subject")));
            // A survey address that is not https is refused next to its field.
            browser.findElement(By.id("notice-subject")).sendKeys("件名");
            browser.findElement(By.id("notice-body")).sendKeys("本文");
            browser.findElement(By.id("notice-survey")).sendKeys("ftp://example.jp/q");
            browser.findElement(By.id("notice-create")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-surveyUrl")));
            assertTrue(browser.findElement(By.id("error-surveyUrl")).getText().contains("https://"));

            browser.findElement(By.id("notice-survey")).clear();
            browser.findElement(By.id("notice-subject")).clear();
            browser.findElement(By.id("notice-subject")).sendKeys("感染対策のお願い " + tag);
            browser.findElement(By.id("notice-municipalities")).sendKeys(town);
            browser.findElement(By.id("notice-create")).click();
            wait.until(d -> d.findElement(By.id("notice-audience")).getText().equals("2"));
            String noticeUrl = browser.getCurrentUrl();

            browser.findElement(By.id("notice-approve")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("approve-error")));
            assertTrue(!browser.findElement(By.id("approve-error")).getText().isBlank(),
                    "staff1 is no approver: the API's refusal is shown at the button");
            assertEquals("DRAFT", browser.findElement(By.id("notice-state")).getAttribute("data-state"));

            browser.findElement(By.id("logout")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login")));
            browser.get(noticeUrl);
            logIn(browser, wait, "approver1");
            // Approved while the SMTP server is down, and the service restarted before it is back: the mails
            // wait in the database and arrive once each.
            mail.stopForOutage();
            try {
                wait.until(ExpectedConditions.elementToBeClickable(By.id("notice-approve"))).click();
                wait.until(d -> "APPROVED".equals(d.findElement(By.id("notice-state")).getAttribute("data-state")));
                TestStack.get().restart(App.FACILITY);
            } finally {
                mail.resume();
            }
            for (String address : addresses) {
                Wait.until(address + " to receive the notice", Duration.ofMinutes(2), () -> mail.inbox(address)
                        .stream().anyMatch(m -> subject(m).contains("感染対策のお願い " + tag)));
            }
            Wait.until("the report to count 2 sent", Duration.ofMinutes(1), () -> {
                browser.navigate().refresh();
                return wait.until(d -> d.findElement(By.id("delivery-sent")).getText()).equals("2");
            });
            assertEquals("0", browser.findElement(By.id("delivery-bounced")).getText());
            for (String address : addresses) {
                assertEquals(1, mail.inbox(address).stream().filter(m -> subject(m).contains(tag)).count(), address);
            }
        } finally {
            chromium.close();
        }
    }

    private void logIn(ChromeDriver browser, WebDriverWait wait, String user) {
        if (!browser.getCurrentUrl().startsWith(console)) {
            browser.get(console);
        }
        wait.until(ExpectedConditions.elementToBeClickable(By.id("login"))).click();
        wait.until(d -> d.findElement(By.id("username")).isDisplayed());
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(user);
        browser.findElement(By.id("kc-login")).click();
        wait.until(d -> d.findElement(By.id("user")).getText().startsWith(user));
    }

    private static String subject(jakarta.mail.internet.MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void register(String email, String address1, boolean notices) {
        Http.Answer answer = Http.post(TestStack.gateway() + "/api/facilities", null, Map.ofEntries(
                Map.entry("businessType", "FOOD_SERVICE"), Map.entry("scale", "UP_TO_50"),
                Map.entry("name", "遠野の店"), Map.entry("postalCode", "0280524"),
                Map.entry("address1", address1), Map.entry("address2", ""),
                Map.entry("phone", "0198-62-2111"), Map.entry("email", email),
                Map.entry("termsAccepted", true), Map.entry("receiveNotices", notices),
                Map.entry("rooms", List.of("店内"))));
        assertEquals(201, answer.status(), String.valueOf(answer.body()));
        Venue.ISSUED_TOKENS.add(answer.json().get("managementToken").asText());
    }
}
