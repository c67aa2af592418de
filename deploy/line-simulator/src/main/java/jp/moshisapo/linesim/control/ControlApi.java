package jp.moshisapo.linesim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jp.moshisapo.linesim.LineIds;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.http.BodyTooLargeException;
import jp.moshisapo.linesim.http.HttpIo;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.linesim.resident.ResidentActionException;
import jp.moshisapo.linesim.webhook.WebhookResult;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The simulator's own HTTP API under /sim/, for the CLI, the local stack, tests in other JVMs and the chat page.
 * Loopback only and unauthenticated by design: it plays residents, it holds no real data.
 */
public final class ControlApi implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(ControlApi.class.getName());

    private final LineSimulator sim;
    private final ConfigUpdate configUpdate;

    public ControlApi(LineSimulator sim) {
        this.sim = sim;
        this.configUpdate = new ConfigUpdate(sim);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange);
        } catch (Problem p) {
            sendProblem(exchange, p);
        } catch (BodyTooLargeException e) {
            sendProblem(exchange, new Problem(413, "Payload Too Large",
                    "The request body is larger than " + HttpIo.MAX_BODY_BYTES + " bytes", Map.of()));
        } catch (IllegalArgumentException e) {
            sendProblem(exchange, Problem.badRequest(e.getMessage()));
        } catch (ResidentActionException e) {
            sendProblem(exchange, new Problem(422, "Unprocessable Content", e.getMessage(), Map.of()));
        } catch (IllegalStateException e) {
            sendProblem(exchange, new Problem(409, "Conflict", e.getMessage(), Map.of()));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "control API request failed", e);
            sendProblem(exchange, new Problem(500, "Internal Server Error", "The simulator failed; see its log",
                    Map.of()));
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (!path.equals("/sim") && !path.startsWith("/sim/")) {
            throw Problem.notFound("No such path; the simulator's page is /sim/");
        }
        String[] s = Arrays.stream(path.substring(4).split("/")).filter(p -> !p.isEmpty()).toArray(String[]::new);
        String method = exchange.getRequestMethod();
        String route = method + " " + pattern(s);
        switch (route) {
            case "GET " -> sendHtml(exchange, ChatPage.render(sim, exchange.getRequestURI().getRawQuery()));
            case "POST users/*/follow" -> {
                JsonNode body = optionalBody(exchange);
                sendResult(exchange, sim.follow(userId(s[1]), body.path("displayName").asText(null)));
            }
            case "POST users/*/unfollow" -> sendResult(exchange, sim.unfollow(userId(s[1])));
            case "POST users/*/text" -> sendResult(exchange, sim.sendText(userId(s[1]), text(body(exchange), "text")));
            case "POST users/*/postback" ->
                    sendResult(exchange, sim.postback(userId(s[1]), text(body(exchange), "data")));
            case "POST users/*/scan" -> sendResult(exchange, sim.scan(userId(s[1]), url(body(exchange))));
            case "POST users/*/tap" -> sendResult(exchange, sim.tap(userId(s[1]), text(body(exchange), "label")));
            case "POST users/*/richmenu" -> sendResult(exchange, sim.tapRichMenu(userId(s[1]), area(body(exchange))));
            case "GET richmenu/image" -> {
                var menu = sim.richMenus().defaultMenu().filter(m -> m.image() != null)
                        .orElseThrow(() -> Problem.notFound("No default rich menu with an image"));
                HttpIo.send(exchange, 200, menu.contentType(), menu.image(), Map.of());
            }
            case "GET users/*/inbox" -> sendJson(exchange, 200, JsonViews.inbox(sim.inbox(userId(s[1]))));
            case "GET inbox" -> sendJson(exchange, 200, JsonViews.counts(sim.inboxCounts()));
            case "DELETE inbox" -> sendEmpty(exchange, () -> sim.clearInbox());
            case "POST reset" -> sendEmpty(exchange, () -> sim.reset());
            case "GET stats" -> sendJson(exchange, 200, JsonViews.stats(sim.stats()));
            case "GET faults" -> sendJson(exchange, 200, JsonViews.faults(sim.faults().active()));
            case "PUT faults/*" -> {
                sim.faults().set(endpoint(s[1]), FaultRequest.parse(body(exchange)));
                sendJson(exchange, 200, JsonViews.faults(sim.faults().active()));
            }
            case "DELETE faults" -> sendEmpty(exchange, () -> sim.faults().clear());
            case "DELETE faults/*" -> {
                Endpoint endpoint = endpoint(s[1]);
                sendEmpty(exchange, () -> sim.faults().clear(endpoint));
            }
            case "GET channel" -> sendJson(exchange, 200, JsonViews.channel(sim.quota(), sim.token()));
            case "PUT channel" -> {
                ChannelUpdate.apply(body(exchange), sim.quota(), sim.token());
                sendJson(exchange, 200, JsonViews.channel(sim.quota(), sim.token()));
            }
            case "GET config" -> sendJson(exchange, 200, JsonViews.config(sim.config()));
            case "PUT config" -> sendJson(exchange, 200, JsonViews.config(configUpdate.apply(body(exchange))));
            case "POST events/*/redeliver" -> sendResult(exchange, sim.redeliver(s[1]));
            default -> throw Problem.notFound("No such control endpoint: " + method + " " + path);
        }
    }

    /** The path with its one variable segment (user id, endpoint, event id) replaced by "*". */
    private static String pattern(String[] segments) {
        String[] p = segments.clone();
        if (p.length >= 2 && Set.of("users", "faults", "events").contains(p[0])) {
            p[1] = "*";
        }
        return String.join("/", p);
    }

    private static String userId(String segment) {
        if (!LineIds.isUserId(segment)) {
            throw Problem.badRequest("Not a LINE user id (expected U + 32 lowercase hex characters); "
                    + "the CLI turns plain names into ids");
        }
        return segment;
    }

    private static Endpoint endpoint(String segment) {
        return Endpoint.parse(segment).orElseThrow(() -> Problem.notFound(
                "No such endpoint '" + segment + "'; one of " + Arrays.toString(Endpoint.values())));
    }

    private static int area(JsonNode body) {
        JsonNode value = body.get("area");
        if (value == null || !value.canConvertToInt() || value.asInt() < 0) {
            throw Problem.invalidField("area", "required, the index of a rich menu area (0, 1, ...)");
        }
        return value.asInt();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw Problem.invalidField(field, "required, a non-empty string");
        }
        return value.asText();
    }

    private static URI url(JsonNode body) {
        String url = text(body, "url");
        try {
            URI uri = URI.create(url);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                throw Problem.invalidField("url", "must be an http(s) URL");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw Problem.invalidField("url", "must be an http(s) URL");
        }
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        byte[] raw = HttpIo.readBody(exchange);
        try {
            JsonNode body = HttpIo.MAPPER.readTree(raw);
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            // answered below
        }
        throw Problem.badRequest("The request body must be a JSON object");
    }

    private static JsonNode optionalBody(HttpExchange exchange) throws IOException {
        byte[] raw = HttpIo.readBody(exchange);
        if (raw.length == 0) {
            return HttpIo.MAPPER.createObjectNode();
        }
        try {
            JsonNode body = HttpIo.MAPPER.readTree(raw);
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            // answered below
        }
        throw Problem.badRequest("The request body must be empty or a JSON object");
    }

    private static void sendResult(HttpExchange exchange, WebhookResult result) throws IOException {
        sendJson(exchange, 200, JsonViews.webhookResult(result));
    }

    private static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        HttpIo.send(exchange, status, HttpIo.JSON + "; charset=utf-8", HttpIo.toJson(body), Map.of());
    }

    private static void sendEmpty(HttpExchange exchange, Runnable action) throws IOException {
        action.run();
        HttpIo.send(exchange, 204, null, null, Map.of());
    }

    private static void sendHtml(HttpExchange exchange, String html) throws IOException {
        HttpIo.send(exchange, 200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), Map.of(
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; "
                        + "script-src 'unsafe-inline'; connect-src 'self'; base-uri 'none'; form-action 'self'",
                "X-Content-Type-Options", "nosniff",
                "Cache-Control", "no-store"));
    }

    private static void sendProblem(HttpExchange exchange, Problem problem) throws IOException {
        HttpIo.send(exchange, problem.status, HttpIo.PROBLEM_JSON, HttpIo.toJson(problem.toJson()), Map.of());
    }
}
