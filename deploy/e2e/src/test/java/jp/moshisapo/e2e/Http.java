package jp.moshisapo.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for talking to the gateway the way scripts and the console do. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Status, content type ("" when none), and parsed body (null when the body is not JSON). */
    record Answer(int status, String contentType, JsonNode body, byte[] raw) {

        /** A Java stack trace or exception name in the body: internals no user should ever see. */
        boolean showsStackTrace() {
            String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
            return text.contains("\tat ") || text.contains("Exception") || text.contains(".java:");
        }

        JsonNode json() {
            if (body == null) {
                throw new AssertionError("expected JSON, got HTTP " + status + ": " + new String(raw));
            }
            return body;
        }
    }

    private Http() {
    }

    static Answer get(String url, String token) {
        return send(request(url, token).GET().build());
    }

    /** A file as a browser downloads it (any content type). */
    static Answer download(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build());
    }

    static Answer post(String url, String token, Object body) {
        try {
            String json = body == null ? "" : JSON.writeValueAsString(body);
            return send(request(url, token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON body, or null when the answer is not JSON (or claims to be and is not: tests then say so). */
    private static JsonNode parse(String type, byte[] body) {
        if (!type.contains("json") || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** Sends any request (methods, headers and bodies the helpers above do not make). */
    static Answer send(HttpRequest request) {
        try {
            HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(response.statusCode(), type, parse(type, response.body()), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
