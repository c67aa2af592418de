package jp.moshisapo.notification.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import jp.moshisapo.notification.concurrent.DaemonThreads;
import jp.moshisapo.notification.config.FanoutConfig;
import jp.moshisapo.notification.config.LineConfig;
import jp.moshisapo.notification.notice.NoticeMessages;

/**
 * POST /v2/bot/message/multicast with the JDK HttpClient. The body's message part is built from the LINE SDK's own
 * model once per notice text ({@link MulticastBody}), so the wire format is LINE's; the transport is ours
 * because the fan-out must see every status (409 is success here), read Retry-After, and keep up to
 * {@code max-in-flight} requests open, none of which the SDK's exception-per-status client exposes.
 */
@ApplicationScoped
public class MulticastClient {

    /** Reads LINE's error answers. */
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bodies by notice text: a case's text is made into a body once, not once per batch. */
    private static final int CACHED_BODIES = 16;

    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;
    private final HttpClient http;
    private final ExecutorService requests;
    private final NoticeMessages notices;
    private final Map<String, MulticastBody> bodies = new ConcurrentHashMap<>();

    MulticastClient(LineConfig line, FanoutConfig config, NoticeMessages notices) {
        this.notices = notices;
        this.endpoint = URI.create(line.apiBaseUrl().replaceAll("/+$", "") + "/v2/bot/message/multicast");
        this.authorization = "Bearer " + line.channelAccessToken();
        this.timeout = config.requestTimeout();
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
        // One thread per request in flight (the dispatcher never has more), each waiting for its answer. Not the
        // client's sendAsync: it completes every answer through CompletableFuture's default async pool, which on
        // two cores or fewer (a pod with such a CPU limit too) starts a new thread per task: a thread per multicast.
        this.requests = Executors.newFixedThreadPool(config.maxInFlight(), DaemonThreads.named("line-multicast"));
        // Jackson builds the serializers of the SDK's model on first use (~100 ms): not while a case waits.
        body("U00000000000000000000000000000000".getBytes(StandardCharsets.US_ASCII), "warm-up");
    }

    /**
     * The request body: the notice with this text, for these recipients (LINE user ids separated by newlines, as a
     * batch seals them); built once per attempt, never logged.
     */
    byte[] body(byte[] recipients, String text) {
        MulticastBody body = bodies.get(text);
        if (body == null) {
            if (bodies.size() >= CACHED_BODIES) {
                bodies.clear(); // a few cases send at a time; their bodies are made again at once
            }
            body = bodies.computeIfAbsent(text, t -> MulticastBody.of(List.of(notices.of(t).toLine())));
        }
        return body.with(recipients);
    }

    /** Sends; the future always completes normally, failures become a {@link SendResult} with status 0. */
    CompletableFuture<SendResult> send(UUID retryKey, byte[] body) {
        return send(endpoint, retryKey, body);
    }

    /**
     * Sends {@code body} {@code times} times to {@code stand-in}, {@code inFlight} at a time, through the code a
     * case's requests take; returns how many were answered 2xx. The start-up warm-up points it at a loopback server
     * of its own, never at LINE.
     */
    int rehearse(URI standIn, byte[] body, int times, int inFlight) {
        int answered = 0;
        for (int sent = 0; sent < times; sent += inFlight) {
            List<CompletableFuture<SendResult>> wave = new ArrayList<>(inFlight);
            for (int i = 0; i < inFlight; i++) {
                wave.add(send(standIn, UUID.randomUUID(), body));
            }
            for (CompletableFuture<SendResult> answer : wave) {
                answered += answer.join().verdict() == SendResult.Verdict.DELIVERED ? 1 : 0;
            }
        }
        return answered;
    }

    private CompletableFuture<SendResult> send(URI to, UUID retryKey, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(to)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("X-Line-Retry-Key", retryKey.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        try {
            return CompletableFuture.supplyAsync(() -> exchange(request), requests);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(new SendResult(0, "shutting down", null));
        }
    }

    @PreDestroy
    void close() {
        requests.shutdownNow();
    }

    private SendResult exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new SendResult(response.statusCode(), lineMessage(response), retryAfter(response));
        } catch (IOException e) {
            return new SendResult(0, e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SendResult(0, "interrupted", null);
        }
    }

    private static String lineMessage(HttpResponse<String> response) {
        if (response.statusCode() < 300) {
            return null;
        }
        try {
            String message = JSON.readTree(response.body()).path("message").asText("");
            return message.length() > 200 ? message.substring(0, 200) : message;
        } catch (JsonProcessingException | RuntimeException e) {
            return "";
        }
    }

    private static Duration retryAfter(HttpResponse<String> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).orElse(null);
    }
}
