package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import jp.moshisapo.servers.ServerStartException;
import jp.moshisapo.servers.Wait;
import jp.moshisapo.stack.LocalStack;

/**
 * A prefecture staff member at the admin API through the gateway, with a real Keycloak token (renewed every minute,
 * well inside its lifetime): by the password grant of the local realm's {@code moshisapo-cli} client, or by
 * whatever login a stack of another shape offers (the production drill's authorization-code flow).
 */
final class Staff {

    private final Supplier<String> gateway;
    private final Supplier<String> login;
    private String token;
    private Instant fetched = Instant.EPOCH;

    private Staff(Supplier<String> gateway, Supplier<String> login) {
        this.gateway = gateway;
        this.login = login;
    }

    /** A local realm user of the tests' shared stack; the password is the user name. */
    static Staff of(String user) {
        return of(user, TestStack::get);
    }

    /** A local realm user of a stack of its own (the end-to-end benchmark's). */
    static Staff of(String user, LocalStack stack) {
        return of(user, () -> stack);
    }

    private static Staff of(String user, Supplier<LocalStack> stack) {
        return new Staff(() -> stack.get().gatewayUrl(),
                () -> stack.get().keycloak().orElseThrow().accessToken(user, user));
    }

    /** A staff member of any stack: its gateway and a way to get a fresh access token. */
    static Staff at(String gatewayUrl, Supplier<String> login) {
        return new Staff(() -> gatewayUrl, login);
    }

    synchronized String token() {
        if (fetched.isBefore(Instant.now().minusSeconds(60))) {
            token = login.get();
            fetched = Instant.now();
        }
        return token;
    }

    Http.Answer get(String path) {
        return Http.get(gateway.get() + path, token());
    }

    Http.Answer post(String path, Object body) {
        return Http.post(gateway.get() + path, token(), body);
    }

    /**
     * Opens a case for one code and day. Retried while notification-service does not know the code yet (422):
     * codes reach it over Kafka a moment after the venue registered. (A retry after a timed-out answer may leave
     * an extra draft behind; drafts send nothing.)
     */
    long openCase(String code, LocalDate day, String note) {
        Http.Answer[] created = new Http.Answer[1];
        Wait.until("notification-service to know " + code, Duration.ofMinutes(3), () -> {
            created[0] = patiently(() -> post("/admin/cases", Map.of("codes", List.of(code),
                    "dates", List.of(day.toString()), "note", note)));
            return created[0] != null && created[0].status() != 422;
        });
        assertEquals(201, created[0].status(), String.valueOf(created[0].body()));
        return created[0].json().get("id").asLong();
    }

    JsonNode view(long caseId) {
        Http.Answer answer = get("/admin/cases/" + caseId);
        assertEquals(200, answer.status(), String.valueOf(answer.body()));
        return answer.json();
    }

    /** Waits until the case's preview counts {@code visits} matching visits, and returns the preview. */
    JsonNode awaitPreviewVisits(long caseId, int visits, Duration timeout) {
        Wait.until(visits + " visits in the preview of case " + caseId, timeout, () -> {
            Http.Answer answer = patiently(() -> get("/admin/cases/" + caseId));
            return answer != null && answer.status() == 200
                    && answer.json().path("preview").path("visits").asInt() >= visits;
        });
        return view(caseId).path("preview");
    }

    void approve(long caseId) {
        Http.Answer approval = post("/admin/cases/" + caseId + "/approve", null);
        assertEquals(200, approval.status(), String.valueOf(approval.body()));
    }

    String state(long caseId) {
        return view(caseId).path("state").asText();
    }

    void awaitState(long caseId, String state, Duration timeout) {
        AtomicReference<String> seen = new AtomicReference<>("no answer");
        try {
            Wait.until("case " + caseId + " to be " + state, timeout, () -> {
                Http.Answer answer = patiently(() -> get("/admin/cases/" + caseId));
                if (answer == null) {
                    return false;
                }
                seen.set(answer.status() == 200 ? answer.json().path("state").asText() : "HTTP " + answer.status());
                return state.equals(seen.get());
            });
        } catch (ServerStartException timedOut) {
            // which state it stuck in is what tells a stalled sender from a case paused again
            throw new AssertionError("case " + caseId + " did not become " + state + " within " + timeout
                    + "; last seen: " + seen.get(), timedOut);
        }
    }

    /**
     * One poll of a wait: an answer later than the client's 30 s (a 2-core machine shared with other builds) is
     * "not yet", not a failure; the wait's own deadline decides.
     */
    private static Http.Answer patiently(Supplier<Http.Answer> call) {
        try {
            return call.get();
        } catch (UncheckedIOException timedOut) {
            return null;
        }
    }

    /** {@code GET /admin/audit/verify}: the audit chain's verification (approvers only). */
    JsonNode verifyAudit() {
        Http.Answer answer = get("/admin/audit/verify");
        assertEquals(200, answer.status(), String.valueOf(answer.body()));
        return answer.json();
    }

    JsonNode report(long caseId) {
        Http.Answer report = get("/admin/cases/" + caseId + "/report");
        assertEquals(200, report.status(), String.valueOf(report.body()));
        return report.json();
    }
}
