package jp.moshisapo.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import jp.moshisapo.k8s.strict.Realms;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.keycloak.representations.idm.AuthenticationExecutionExportRepresentation;
import org.keycloak.representations.idm.AuthenticationFlowRepresentation;
import org.keycloak.representations.idm.AuthenticatorConfigRepresentation;
import org.keycloak.representations.idm.RealmRepresentation;
import org.keycloak.representations.idm.RequiredActionProviderRepresentation;

/**
 * What of Keycloak the internet sees, and how approvers sign in: only realm moshisapo and the login page's static
 * files are routed (no master realm, no admin console or API), and the realm asks approvers for a one-time code.
 */
class KeycloakSurfaceTest {

    /** The realm's endpoints, and the theme files its login page loads (Keycloak 26: /resources/<version>/…). */
    private static final Set<String> PUBLIC_KEYCLOAK_PATHS = Set.of("/realms/moshisapo/", "/resources/");
    private static final String APPROVER = "approver";

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void keycloakIngressRoutesOnlyTheRealmAndTheLoginPagesStaticFiles(String overlay) {
        JsonNode ingress = Overlays.render(overlay).get("Ingress", "keycloak");
        List<String> problems = new ArrayList<>();
        for (JsonNode rule : ingress.at("/spec/rules")) {
            for (JsonNode path : rule.at("/http/paths")) {
                String prefix = path.path("path").asText();
                if (!PUBLIC_KEYCLOAK_PATHS.contains(prefix) || !path.path("pathType").asText().equals("Prefix")) {
                    problems.add(path.path("pathType").asText() + " " + prefix);
                }
            }
        }
        assertFalse(ingress.at("/spec/defaultBackend").isObject(), "a default backend would route every path");
        assertEquals(List.of(), problems, "paths outside " + PUBLIC_KEYCLOAK_PATHS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void realmAsksApproversForAOneTimeCodeAtEverySignIn(String overlay) {
        RealmRepresentation realm = Realms.read(Overlays.render(overlay).get("KeycloakRealmImport", "moshisapo")
                .at("/spec/realm"));
        AuthenticationFlowRepresentation browser = flow(realm, realm.getBrowserFlow())
                .orElseThrow(() -> new AssertionError("browserFlow " + realm.getBrowserFlow() + " is not defined"));
        assertTrue(browser.isTopLevel(), "the browser flow is a top-level flow");

        // browser flow: session cookie OR the forms; forms: password, then the approvers' sub-flow
        List<AuthenticationExecutionExportRepresentation> top = browser.getAuthenticationExecutions();
        assertTrue(top.stream().allMatch(e -> "auth-cookie".equals(e.getAuthenticator()) || e.isAuthenticatorFlow()),
                "the browser flow signs in only by session cookie or by its forms sub-flow");
        AuthenticationFlowRepresentation forms = subFlows(realm, top).stream()
                .filter(f -> has(f, "auth-username-password-form", "REQUIRED")).findFirst()
                .orElseThrow(() -> new AssertionError("no sub-flow asks for the password"));
        AuthenticationFlowRepresentation approvers = subFlows(realm, forms.getAuthenticationExecutions()).stream()
                .filter(f -> has(f, "auth-otp-form", "REQUIRED")).findFirst()
                .orElseThrow(() -> new AssertionError("no one-time code after the password"));
        assertEquals(List.of("CONDITIONAL"), forms.getAuthenticationExecutions().stream()
                .filter(e -> approvers.getAlias().equals(e.getFlowAlias())).map(e -> e.getRequirement()).toList());

        AuthenticationExecutionExportRepresentation condition = approvers.getAuthenticationExecutions().stream()
                .filter(e -> "conditional-user-role".equals(e.getAuthenticator())).findFirst()
                .orElseThrow(() -> new AssertionError("the one-time code is not bound to a role"));
        Map<String, String> config = realm.getAuthenticatorConfig().stream()
                .filter(c -> c.getAlias().equals(condition.getAuthenticatorConfig())).findFirst()
                .map(AuthenticatorConfigRepresentation::getConfig)
                .orElseThrow(() -> new AssertionError("no config " + condition.getAuthenticatorConfig()));
        assertEquals(APPROVER, config.get("condUserRole"), "the role asked for a one-time code");
        assertFalse(Boolean.parseBoolean(config.get("negate")), "the condition must not be negated");
        assertEquals("REQUIRED", condition.getRequirement());

        assertEquals("totp", realm.getOtpPolicyType());
        assertTrue(configureTotpIsEnabled(realm), "approvers without a code must be able to set one up");
    }

    private static Optional<AuthenticationFlowRepresentation> flow(RealmRepresentation realm, String alias) {
        assertNotNull(realm.getAuthenticationFlows(), "the realm defines no authentication flows");
        return realm.getAuthenticationFlows().stream().filter(f -> f.getAlias().equals(alias)).findFirst();
    }

    private static List<AuthenticationFlowRepresentation> subFlows(RealmRepresentation realm,
            List<AuthenticationExecutionExportRepresentation> executions) {
        return executions.stream().filter(AuthenticationExecutionExportRepresentation::isAuthenticatorFlow)
                .map(e -> flow(realm, e.getFlowAlias())
                        .orElseThrow(() -> new AssertionError("sub-flow " + e.getFlowAlias() + " is not defined")))
                .toList();
    }

    private static boolean has(AuthenticationFlowRepresentation flow, String authenticator, String requirement) {
        return flow.getAuthenticationExecutions().stream()
                .anyMatch(e -> authenticator.equals(e.getAuthenticator()) && requirement.equals(e.getRequirement()));
    }

    /** Keycloak's default set enables CONFIGURE_TOTP; a realm that lists its required actions must keep it on. */
    private static boolean configureTotpIsEnabled(RealmRepresentation realm) {
        List<RequiredActionProviderRepresentation> actions = realm.getRequiredActions();
        return actions == null || actions.stream()
                .anyMatch(a -> "CONFIGURE_TOTP".equals(a.getAlias()) && a.isEnabled());
    }
}
