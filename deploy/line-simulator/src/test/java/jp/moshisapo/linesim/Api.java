package jp.moshisapo.linesim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Plain HTTP calls to a running simulator, the way a service without the SDK (or curl) would make them. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A response with its body parsed as JSON (empty object for no body). */
    record Response(int status, JsonNode body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private final URI base;
    private final String token;

    Api(LineSimulator sim) {
        this(sim.baseUrl(), sim.config().channelAccessToken());
    }

    Api(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    Api withToken(String otherToken) {
        return new Api(base, otherToken);
    }

    Response post(String path, String json) {
        return post(path, json, null);
    }

    Response post(String path, String json, String retryKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return send(request, retryKey);
    }

    Response put(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), null);
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET(), null);
    }

    Response send(HttpRequest.Builder request, String retryKey) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (retryKey != null) {
            request.header("X-Line-Retry-Key", retryKey);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = response.body().length == 0 ? JSON.createObjectNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response.headers());
        } catch (IOException e) {
            throw new AssertionError("request to the simulator failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String text(String text) {
        return "{\"type\":\"text\",\"text\":" + JSON.valueToTree(text) + "}";
    }

    static String multicastBody(List<String> to, String... messages) {
        return "{\"to\":" + JSON.valueToTree(to) + ",\"messages\":[" + String.join(",", messages) + "]}";
    }

    static String pushBody(String to, String... messages) {
        return "{\"to\":\"" + to + "\",\"messages\":[" + String.join(",", messages) + "]}";
    }

    static String replyBody(String replyToken, String... messages) {
        return "{\"replyToken\":\"" + replyToken + "\",\"messages\":[" + String.join(",", messages) + "]}";
    }

    /** n distinct user ids, as a benchmark or a batch would address them. */
    static List<String> users(String prefix, int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> LineSimulator.userIdFor(prefix + i)).toList();
    }
}
