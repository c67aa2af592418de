package jp.moshisapo.linesim.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Small helpers over the JDK's HttpExchange: bounded body reads and complete responses. */
public final class HttpIo {

    /** LINE rejects Messaging API bodies over 2 MB; the control API uses the same bound. */
    public static final int MAX_BODY_BYTES = 2 * 1024 * 1024;
    /** Beyond this much, an oversized body is not read any further and the connection is simply closed. */
    static final long DRAIN_LIMIT_BYTES = 16L * 1024 * 1024;
    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    /** One mapper for the whole simulator; ObjectMapper is thread-safe once configured. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpIo() {
    }

    /**
     * Reads the whole body, refusing more than {@link #MAX_BODY_BYTES}. An oversized body is read and discarded
     * up to {@link #DRAIN_LIMIT_BYTES} first: closing a socket with unread data resets the connection and the
     * client would never see the 413.
     */
    public static byte[] readBody(HttpExchange exchange) throws IOException {
        // Not closed here: send() drains and closes it once the answer is ready.
        InputStream in = exchange.getRequestBody();
        long declared = declaredLength(exchange);
        if (declared > MAX_BODY_BYTES) {
            drain(in);
            throw new BodyTooLargeException(MAX_BODY_BYTES);
        }
        if (declared >= 0) {
            // The usual case (every LINE client declares the length): one array of the body's own size. The JDK's
            // stream ends at the declared length, so nothing more can arrive.
            return in.readNBytes((int) declared);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[16 * 1024];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > MAX_BODY_BYTES) {
                drain(in);
                throw new BodyTooLargeException(MAX_BODY_BYTES);
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static long declaredLength(HttpExchange exchange) {
        String declared = exchange.getRequestHeaders().getFirst("Content-Length");
        try {
            return declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void drain(InputStream in) throws IOException {
        // Nearly always the body was read to its end already: find that out without a 64 KB array per request
        // (at a few thousand requests a second those arrays kept the garbage collector busy).
        if (in.read() < 0) {
            return;
        }
        byte[] buffer = new byte[64 * 1024];
        long drained = 1;
        int n;
        while (drained < DRAIN_LIMIT_BYTES && (n = in.read(buffer)) > 0) {
            drained += n;
        }
    }

    public static byte[] toJson(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    /** Sends a complete response and closes the exchange; an unread request body is drained first. */
    public static void send(HttpExchange exchange, int status, String contentType, byte[] body,
                            Map<String, String> headers) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            drain(in);
        }
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (contentType != null) {
            exchange.getResponseHeaders().set("Content-Type", contentType);
        }
        boolean noBody = body == null || body.length == 0 || status == 204 || status == 304
                || "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    public static void sendJson(HttpExchange exchange, int status, JsonNode body) throws IOException {
        send(exchange, status, JSON + "; charset=utf-8", toJson(body), Map.of());
    }
}
