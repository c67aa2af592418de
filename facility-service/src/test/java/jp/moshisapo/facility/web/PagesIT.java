package jp.moshisapo.facility.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import jp.moshisapo.facility.config.FacilityConfig;
import jp.moshisapo.facility.text.Texts;
import jp.moshisapo.facility.text.VenueTexts;
import jp.moshisapo.facility.text.Wording;
import jp.moshisapo.problem.Language;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.MailTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.Test;

/** The Qute pages: every page renders in both languages, and a value cannot become markup in any of them. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MailTestResource.class)
@WithTestResource(KafkaTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class PagesIT {

    private static final String HOSTILE = "\"><script>alert(\"x\")</script>";
    private static final List<String> PAGES =
            List.of("form", "manage", "terms", "unsubscribe", "unsubscribed", "invalid-code");

    private static final Map<String, Wording> TITLES = Map.of(
            "form", VenueTexts::page_title_form,
            "manage", VenueTexts::page_title_manage,
            "terms", VenueTexts::page_title_terms,
            "unsubscribe", VenueTexts::page_title_unsubscribe,
            "unsubscribed", VenueTexts::page_title_unsubscribed,
            "invalid-code", VenueTexts::page_title_invalid_code);

    @Inject
    Pages pages;

    @Inject
    FacilityConfig config;

    @Test
    void valuesAreEscapedInEveryPage() {
        for (String page : PAGES) {
            for (Language language : Language.values()) {
                String html = html(pages.render(page, language,
                        Map.of("langSwitchLabel", HOSTILE, "action", HOSTILE), Response.Status.OK));
                assertFalse(html.contains("<script>alert"), page + " lets a value become markup");
                assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)"), page + " does not show the value");
            }
        }
    }

    @Test
    void everyPageHasItsTextsInBothLanguages() {
        for (String page : PAGES) {
            for (Language language : Language.values()) {
                String html = html(pages.render(page, language, Map.of("action", "/x"), Response.Status.OK));
                assertTrue(html.contains("<html lang=\"" + language.code() + "\">"), page);
                String title = TITLES.get(page).in(Texts.of(language));
                assertTrue(html.contains("<title>" + title + "</title>"), page + " " + language + " lacks its title");
                assertTrue(html.contains(Texts.of(language).page_header_account_label()), page + " " + language);
            }
        }
        assertNotEquals(Texts.of(Language.JA).page_title_form(), Texts.of(Language.EN).page_title_form());
    }

    @Test
    void textsNameTheConfiguredPrefecture() {
        String form = html(pages.render("form", Language.JA, Map.of(), Response.Status.OK));

        assertTrue(form.contains(config.prefecture().name() + "の取組みにご協力いただき"), "form.intro1");
        assertTrue(form.contains("<title>" + config.prefecture().serviceName() + " QRコード発行フォーム</title>"));
        assertFalse(form.contains("cdi:"), "a text printed its placeholder");
    }

    @Test
    void theFormAndTheManagementPageOfferToResendTheManagementLink() {
        for (String page : List.of("form", "manage")) {
            for (Language language : Language.values()) {
                String html = html(pages.render(page, language, Map.of(), Response.Status.OK));
                assertTrue(html.contains("id=\"recover-email\""), page + " has no field for the venue's address");
                assertTrue(html.contains(Texts.of(language).recovery_title()), page + " " + language);
            }
        }
    }

    private static String html(Response response) {
        return (String) response.getEntity();
    }
}
