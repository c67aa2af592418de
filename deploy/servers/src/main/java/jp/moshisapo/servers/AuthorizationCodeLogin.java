package jp.moshisapo.servers;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;

/**
 * What a browser does when a staff member signs in to the console: the authorization-code flow with PKCE against
 * Keycloak's login page, with cookies, stopping at the redirect to the client to read the code.
 */
final class AuthorizationCodeLogin {

    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-form-login\"[^>]*>");
    private static final Pattern OTP_FORM = Pattern.compile("<form[^>]*\\bid=\"kc-otp-login-form\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]+)\"");
    private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");
    private static final Pattern PAGE_TEXT = Pattern.compile(
            "id=\"(?:kc-page-title|input-error[^\"]*|kc-feedback-text)\"[^>]*>([^<]*)<");
    private static final Pattern FORM_ID = Pattern.compile("<form[^>]*\\bid=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient browser;
    private final String realmUrl;
    private final String clientId;
    private final String redirectUri;

    AuthorizationCodeLogin(SSLContext ssl, String realmUrl, String clientId, String redirectUri) {
        this.browser = HttpClient.newBuilder()
                .sslContext(ssl)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        this.realmUrl = realmUrl;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
    }

    /** The access token of {@code username}; {@code totp} (may be null) answers a one-time-code page. */
    String logIn(String username, String password, Totp totp) {
        String verifier = randomUrlSafe(32);
        String state = randomUrlSafe(16);
        String loginPage = loginPage(challenge(verifier), state);
        HttpResponse<String> answer = post(formAction(LOGIN_FORM, loginPage), Map.of(
                "username", username, "password", password, "credentialId", ""));
        if (totp != null && answer.statusCode() == 200 && OTP_FORM.matcher(answer.body()).find()) {
            answer = post(formAction(OTP_FORM, answer.body()), Map.of("otp", totp.nextCode()));
        }
        return exchange(code(answer, username, state), verifier);
    }

    private String loginPage(String challenge, String state) {
        String url = realmUrl + "/protocol/openid-connect/auth?" + form(Map.of(
                "client_id", clientId, "redirect_uri", redirectUri, "response_type", "code", "scope", "openid",
                "state", state, "code_challenge", challenge, "code_challenge_method", "S256"));
        HttpResponse<String> page = KeycloakAdminApi.call(browser, HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(20)).build());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("Keycloak's authorization endpoint answered " + page.statusCode()
                    + " instead of the login page: " + describe(page));
        }
        return page.body();
    }

    private static String formAction(Pattern formTag, String page) {
        Matcher form = formTag.matcher(page);
        Matcher action = form.find() ? ACTION.matcher(form.group()) : null;
        if (action == null || !action.find()) {
            throw new IllegalStateException("no form " + formTag.pattern() + " on Keycloak's page: " + pageText(page));
        }
        return action.group(1).replace("&amp;", "&");
    }

    private HttpResponse<String> post(String action, Map<String, String> fields) {
        return KeycloakAdminApi.call(browser, HttpRequest.newBuilder(URI.create(action))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build());
    }

    /** The code from the redirect to the client, or a failure naming the page Keycloak showed instead. */
    private String code(HttpResponse<String> answer, String username, String state) {
        Optional<String> location = answer.headers().firstValue("Location");
        if (answer.statusCode() != 302 || location.isEmpty() || !location.get().startsWith(redirectUri)) {
            throw new IllegalStateException("Keycloak did not redirect " + username + " to " + redirectUri
                    + " after the login form; instead of redirecting it answered " + describe(answer));
        }
        Map<String, String> query = query(URI.create(location.get()).getRawQuery());
        if (!state.equals(query.get("state")) || query.get("code") == null) {
            throw new IllegalStateException("Keycloak redirected without a code for this login: " + location.get());
        }
        return query.get("code");
    }

    private String exchange(String code, String verifier) {
        HttpRequest token = HttpRequest.newBuilder(URI.create(realmUrl + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code",
                        "code", code, "redirect_uri", redirectUri, "client_id", clientId,
                        "code_verifier", verifier))))
                .build();
        HttpResponse<String> answer = KeycloakAdminApi.call(browser, token);
        JsonNode accessToken = answer.statusCode() == 200
                ? KeycloakAdminApi.parse(answer.body()).path("access_token") : null;
        if (accessToken == null || !accessToken.isTextual()) {
            throw new IllegalStateException("Keycloak refused to exchange the code: " + answer.statusCode() + " "
                    + answer.body());
        }
        return accessToken.asText();
    }

    /** Status, Location and the visible title and messages of a page, e.g. a required action or a login error. */
    private static String describe(HttpResponse<String> response) {
        return "HTTP " + response.statusCode()
                + response.headers().firstValue("Location").map(l -> " Location " + l).orElse("")
                + " " + pageText(response.body());
    }

    private static String pageText(String html) {
        StringBuilder text = new StringBuilder();
        Matcher title = TITLE.matcher(html);
        if (title.find()) {
            text.append("page '").append(title.group(1).trim()).append("'");
        }
        Matcher messages = PAGE_TEXT.matcher(html);
        while (messages.find()) {
            String message = messages.group(1).trim();
            if (!message.isEmpty()) {
                text.append(" | ").append(message);
            }
        }
        Matcher forms = FORM_ID.matcher(html);
        while (forms.find()) {
            text.append(" | form ").append(forms.group(1));
        }
        return text.length() == 0 ? "(no page)" : text.toString();
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery != null) {
            for (String pair : rawQuery.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
