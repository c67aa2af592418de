package jp.moshisapo.linesim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.moshisapo.linesim.http.HttpIo;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Calls a running simulator's control API (/sim/...). */
final class SimClient {

    /** A control API answer other than 2xx, with the problem's detail. */
    static final class SimException extends Exception {
        SimException(String message) {
            super(message);
        }
    }

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    SimClient(URI base) {
        this.base = base;
    }

    JsonNode post(String path, ObjectNode body) throws SimException {
        return call(HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(HttpIo.toJson(body))));
    }

    JsonNode get(String path) throws SimException {
        return call(HttpRequest.newBuilder(resolve(path)).GET());
    }

    private URI resolve(String path) {
        return URI.create(base.toString().replaceAll("/+$", "") + path);
    }

    private JsonNode call(HttpRequest.Builder request) throws SimException {
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new SimException("no simulator answers at " + base + " (start one with: line-simulator serve)");
        } catch (IOException e) {
            throw new SimException("calling the simulator at " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimException("interrupted");
        }
        JsonNode body = parse(response.body());
        if (response.statusCode() >= 300) {
            throw new SimException("simulator answered " + response.statusCode() + ": "
                    + body.path("detail").asText(new String(response.body(), StandardCharsets.UTF_8)));
        }
        return body;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return HttpIo.MAPPER.createObjectNode();
        }
        try {
            return HttpIo.MAPPER.readTree(body);
        } catch (IOException e) {
            return HttpIo.MAPPER.createObjectNode();
        }
    }
}
