package jp.moshisapo.facility.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
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

    @Inject
    Pages pages;

    @Test
    void valuesAreEscapedInEveryPage() {
        for (String page : PAGES) {
            for (Language language : Language.values()) {
                String html = html(pages.render(page, language,
                        Map.of("title", HOSTILE, "action", HOSTILE), Response.Status.OK));
                assertFalse(html.contains("<script>alert"), page + " lets a value become markup");
                assertTrue(html.contains("&lt;script&gt;alert(&quot;x&quot;)"), page + " does not show the value");
            }
        }
    }

    @Test
    void everyPageHasItsTextsInBothLanguages() {
        for (String page : PAGES) {
            assertTrue(html(pages.render(page, Language.JA, Map.of("action", "/x"), Response.Status.OK))
                    .contains("<html lang=\"ja\">"), page);
            assertTrue(html(pages.render(page, Language.EN, Map.of("action", "/x"), Response.Status.OK))
                    .contains("<html lang=\"en\">"), page);
        }
    }

    @Test
    void theFormAndTheManagementPageOfferToResendTheManagementLink() {
        for (String page : List.of("form", "manage")) {
            for (Language language : Language.values()) {
                String html = html(pages.render(page, language, Map.of(), Response.Status.OK));
                assertTrue(html.contains("id=\"recover-email\""), page + " has no field for the venue's address");
                assertTrue(html.contains(pages.texts(language).get("recovery.title")), page + " " + language);
            }
        }
    }

    private static String html(Response response) {
        return (String) response.getEntity();
    }
}
