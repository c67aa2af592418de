package jp.moshisapo.gateway.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.moshisapo.gateway.testing.GatewayClient;
import jp.moshisapo.gateway.testing.UpstreamsTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.SharedServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The staff console as the gateway serves it: its files, where it signs in, and the policy its pages run under. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class StaffConsoleIT {

    private static final Pattern MODULE_IMPORT = Pattern.compile("from '\\./([a-z0-9-]+\\.js)'");

    @TestHTTPResource("/")
    URL gatewayUrl;

    private GatewayClient client;

    @BeforeEach
    void setUp() throws URISyntaxException {
        client = GatewayClient.anyClient(gatewayUrl.toURI());
    }

    @Test
    void consolePageIsServedWithoutLoginAndWithoutInlineCode() {
        HttpResponse<String> page = client.get("/console/");

        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(page.body().contains("<script type=\"module\" src=\"app.js\"></script>"), page.body());
        assertFalse(Pattern.compile("<script(?![^>]*\\ssrc=)").matcher(page.body()).find(), "no inline script");
        assertFalse(page.body().contains("<style") || page.body().contains(" style="), "no inline style");
        assertFalse(page.body().contains(" on") && page.body().matches("(?s).*\\son[a-z]+=.*"), "no inline handlers");
    }

    @Test
    void addressWithoutTrailingSlashLeadsToThePageKeepingTheLanguage() {
        HttpResponse<String> redirect = client.get("/console?lang=en");

        assertEquals(302, redirect.statusCode());
        assertEquals("/console/?lang=en", redirect.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void everyModuleThePageImportsIsServedAsJavaScript() {
        List<String> pending = new ArrayList<>(List.of("app.js"));
        List<String> seen = new ArrayList<>();
        while (!pending.isEmpty()) {
            String module = pending.remove(0);
            if (seen.contains(module)) {
                continue;
            }
            seen.add(module);
            HttpResponse<String> response = client.get("/console/" + module);
            assertEquals(200, response.statusCode(), module);
            assertEquals("text/javascript; charset=utf-8", response.headers().firstValue("Content-Type").orElseThrow(),
                    module);
            Matcher imports = MODULE_IMPORT.matcher(response.body());
            while (imports.find()) {
                pending.add(imports.group(1));
            }
        }
        assertTrue(seen.containsAll(List.of("app.js", "auth.js", "api.js", "views.js", "search.js", "i18n.js", "dom.js")), seen.toString());
        assertEquals(200, client.get("/console/console.css").statusCode());
    }

    @Test
    void configTellsTheBrowserWhereToSignIn() {
        HttpResponse<String> config = client.get("/console/config.json");

        assertEquals(200, config.statusCode());
        assertEquals("no-store", config.headers().firstValue("Cache-Control").orElseThrow());
        JsonObject json = new JsonObject(config.body());
        assertEquals(SharedServers.keycloak().realmUrl(), json.getString("oidcUrl"));
        assertEquals("moshisapo-console", json.getString("clientId"));
    }

    @Test
    void consolePagesMayCallOnlyThisOriginAndTheSignInServer() {
        String keycloakOrigin = SharedServers.keycloak().baseUrl();

        String console = client.get("/console/").headers().firstValue("Content-Security-Policy").orElseThrow();
        String elsewhere = client.get("/no-such-page").headers().firstValue("Content-Security-Policy").orElseThrow();

        assertTrue(console.contains("connect-src 'self' " + keycloakOrigin + ";"), console);
        assertTrue(console.contains("script-src 'self';") && console.contains("style-src 'self';"), console);
        assertFalse(console.contains("unsafe-inline") || console.contains("unsafe-eval"), console);
        assertTrue(console.contains("frame-ancestors 'none'"), console);
        assertTrue(elsewhere.contains("connect-src 'self';"), "the sign-in origin is opened for the console only: "
                + elsewhere);
    }

    @Test
    void theGatewaysOwnProblemsSpeakEnglishToAConsoleInEnglish() {
        JsonObject english = new JsonObject(client.get("/console/nothing.js", "Accept-Language", "en").body());
        JsonObject japanese = new JsonObject(client.get("/console/nothing.js",
                "Accept-Language", "ja,en;q=0.8").body());
        JsonObject login = new JsonObject(client.get("/admin/cases", "Accept-Language", "en-GB,en;q=0.9").body());

        assertEquals("The page or data was not found. Please check the URL.", english.getString("detail"));
        assertEquals("お探しのページまたはデータは見つかりませんでした。URLをご確認ください。", japanese.getString("detail"));
        assertEquals("Login required", login.getString("title"));
    }

    @Test
    void unknownConsoleFilesAndOtherMethodsAreRefusedAsProblems() {
        HttpResponse<String> missing = client.get("/console/application.properties");
        HttpResponse<String> outside = client.get("/console/../console/app.js");
        HttpResponse<String> post = client.send(client.request("/console/").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build());

        assertEquals(404, missing.statusCode());
        assertEquals("application/problem+json", missing.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(200, outside.statusCode(), "dot segments are resolved before the file is looked up");
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElseThrow());
    }
}
