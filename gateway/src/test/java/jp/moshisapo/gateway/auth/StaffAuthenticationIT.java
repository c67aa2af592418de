package jp.moshisapo.gateway.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import jp.moshisapo.gateway.testing.GatewayClient;
import jp.moshisapo.gateway.testing.InjectUpstreams;
import jp.moshisapo.gateway.testing.StaffTokens;
import jp.moshisapo.gateway.testing.Upstreams;
import jp.moshisapo.gateway.testing.UpstreamsTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.SharedServers;
import jp.moshisapo.servers.Wait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Staff routes against a real Keycloak: only valid tokens of the issuer get through to a service. */
@QuarkusTest
@WithTestResource(UpstreamsTestResource.class)
@WithTestResource(KeycloakTestResource.class)
class StaffAuthenticationIT {

    @TestHTTPResource("/")
    URL gatewayUrl;

    @InjectUpstreams
    Upstreams upstreams;

    private final StaffTokens tokens = new StaffTokens(SharedServers.keycloak());
    private GatewayClient client;

    @BeforeEach
    void newClient() throws URISyntaxException {
        client = GatewayClient.anyClient(gatewayUrl.toURI());
    }

    @AfterEach
    void resetServices() {
        upstreams.reset();
    }

    @Test
    void validStaffTokenReachesEachStaffServiceWithTheTokenForwardedForItsOwnCheck() {
        String token = tokens.valid("staff1");

        assertEquals(200, client.get("/admin/codes/ABCD-EFGH-J", "Authorization", "Bearer " + token).statusCode());
        assertEquals(200, client.get("/admin/cases", "Authorization", "Bearer " + token).statusCode());
        assertEquals(200, client.get("/admin/cases/7", "Authorization", "Bearer " + token).statusCode());
        assertEquals(200, client.get("/admin/audit?caseId=7", "Authorization", "Bearer " + token).statusCode());
        assertEquals(200, client.get("/admin/facility-audit?limit=5", "Authorization", "Bearer " + token)
                .statusCode());

        assertEquals("Bearer " + token, upstreams.facility().received().get(0).header("Authorization"));
        assertEquals(2, upstreams.facility().received().size());
        assertEquals("/admin/facility-audit?limit=5", upstreams.facility().received().get(1).uri());
        assertEquals(3, upstreams.notification().received().size());
        assertEquals("Bearer " + token, upstreams.notification().received().get(2).header("Authorization"));
        assertEquals("/admin/audit?caseId=7", upstreams.notification().received().get(2).uri());
    }

    @Test
    void staffRequestBodyReachesTheService() {
        String token = tokens.valid("staff1");
        byte[] body = "{\"codes\":[\"ABCD-EFGH-J\"],\"note\":\"保健所より\"}".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = client.post("/admin/cases", body,
                "Authorization", "Bearer " + token, "Content-Type", "application/json");

        assertEquals(200, response.statusCode());
        assertEquals(new String(body, StandardCharsets.UTF_8),
                new String(upstreams.notification().received().get(0).body(), StandardCharsets.UTF_8));
    }

    @Test
    void missingTokenIs401ProblemAndNoServiceSeesTheRequest() {
        String requestId = uniqueId();

        HttpResponse<String> response = client.get("/admin/cases", "X-Request-Id", requestId);

        assertUnauthorized(response);
        assertTrue(upstreams.noneReceived(requestId));
    }

    @Test
    void staffPostWithoutTokenIs401AndItsBodyReachesNoService() {
        String requestId = uniqueId();

        HttpResponse<String> response = client.post("/admin/cases", "{\"codes\":[]}".getBytes(StandardCharsets.UTF_8),
                "X-Request-Id", requestId, "Content-Type", "application/json");

        assertUnauthorized(response);
        assertTrue(upstreams.noneReceived(requestId));
    }

    @Test
    void tokenWithAnEditedPayloadIs401AndNoServiceSeesTheRequest() {
        String requestId = uniqueId();

        HttpResponse<String> response = client.get("/admin/cases", "X-Request-Id", requestId,
                "Authorization", "Bearer " + tokens.withEditedPayload("staff1"));

        assertUnauthorized(response);
        assertTrue(upstreams.noneReceived(requestId));
    }

    @Test
    void tokenSignedWithAForeignKeyIs401AndNoServiceSeesTheRequest() throws GeneralSecurityException {
        String requestId = uniqueId();

        HttpResponse<String> response = client.get("/admin/codes/ABCD-EFGH-J", "X-Request-Id", requestId,
                "Authorization", "Bearer " + tokens.signedWithForeignKey("staff1"));

        assertUnauthorized(response);
        assertTrue(upstreams.noneReceived(requestId));
    }

    @Test
    void validTokenOfAnotherClientOfTheRealmIs401AndNoServiceSeesTheRequest() {
        String foreign = tokens.ofAnotherClient("approver1");
        String ours = tokens.valid("approver1");
        assertFalse(StaffTokens.audience(foreign).contains(StaffTokens.API_AUDIENCE), StaffTokens.audience(foreign));
        assertTrue(StaffTokens.audience(ours).contains(StaffTokens.API_AUDIENCE), StaffTokens.audience(ours));
        String requestId = uniqueId();

        HttpResponse<String> response = client.get("/admin/cases", "X-Request-Id", requestId,
                "Authorization", "Bearer " + foreign);

        assertUnauthorized(response);
        assertTrue(upstreams.noneReceived(requestId));
        // the same user through the system's own client gets in: the audience made the difference
        assertEquals(200, client.get("/admin/cases", "Authorization", "Bearer " + ours).statusCode());
    }

    @Test
    void opaqueTokenIs401AndNoServiceSeesTheRequest() {
        String requestId = uniqueId();

        HttpResponse<String> response = client.get("/admin/audit", "X-Request-Id", requestId,
                "Authorization", "Bearer not-a-jwt-but-a-venue-management-token");

        assertUnauthorized(response);
        assertTrue(upstreams.noneReceived(requestId));
    }

    @Test
    void expiredTokenIs401AndNoServiceSeesTheRequest() {
        String token = tokens.shortLived("staff1");
        long expiresAt = StaffTokens.expiresAtEpochSecond(token);
        // the same token works while it is valid: the later 401 is its expiry, nothing else
        assertEquals(200, client.get("/admin/cases", "Authorization", "Bearer " + token).statusCode());

        AtomicReference<String> refusedId = new AtomicReference<>();
        Wait.until("the 5-second token to be refused", Duration.ofSeconds(30), () -> {
            String requestId = uniqueId();
            HttpResponse<String> response = client.get("/admin/cases", "X-Request-Id", requestId,
                    "Authorization", "Bearer " + token);
            if (response.statusCode() == 401) {
                refusedId.set(requestId);
                assertUnauthorized(response);
                return true;
            }
            assertEquals(200, response.statusCode());
            return false;
        });

        assertTrue(Instant.now().getEpochSecond() >= expiresAt, "refused only once expired");
        assertTrue(upstreams.noneReceived(refusedId.get()));
    }

    @Test
    void serviceDecidesRolesAndItsForbiddenAnswerReachesTheClientUntouched() {
        String problem = "{\"type\":\"https://moshisapo.jp/problems/not-approver\",\"title\":\"承認できません\","
                + "\"status\":403,\"detail\":\"承認者の権限がありません。\",\"errors\":[]}";
        upstreams.notification().answer("/admin/cases/7/approve", (exchange, received) -> {
            byte[] body = problem.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(403, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });

        HttpResponse<String> response = client.post("/admin/cases/7/approve", new byte[0],
                "Authorization", "Bearer " + tokens.valid("staff1"));

        assertEquals(403, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(problem, response.body());
    }

    @Test
    void staffRateLimitCountsPerTokenSubjectNotPerAddress() {
        String staff2 = tokens.valid("staff2");
        String approver1 = tokens.valid("approver1");
        int allowed = 0;
        HttpResponse<String> response;
        do {
            response = client.get("/admin/audit", "Authorization", "Bearer " + staff2);
            if (response.statusCode() == 200) {
                allowed++;
            }
        } while (response.statusCode() == 200 && allowed < 200);

        // 120 a minute per staff member; the bucket refills 2 a second while the loop runs
        assertEquals(429, response.statusCode());
        assertTrue(allowed >= 120 && allowed < 140, "allowed " + allowed);
        assertTrue(Integer.parseInt(response.headers().firstValue("Retry-After").orElseThrow()) >= 1);
        // a colleague on the same address is not affected
        assertEquals(200, client.get("/admin/audit", "Authorization", "Bearer " + approver1).statusCode());
    }

    private static void assertUnauthorized(HttpResponse<String> response) {
        assertEquals(401, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElseThrow().startsWith("Bearer"));
        assertTrue(response.body().contains("\"status\":401"), response.body());
        assertTrue(response.body().contains("ログインが必要です"), response.body());
    }

    private static String uniqueId() {
        return UUID.randomUUID().toString();
    }
}
