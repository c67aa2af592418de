package jp.moshisapo.notification.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.messaging.model.MulticastRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.moshisapo.notification.config.FanoutConfig;
import jp.moshisapo.notification.config.LineConfig;
import jp.moshisapo.notification.notice.NoticeMessages;

/**
 * POST /v2/bot/message/multicast with the JDK HttpClient. The body is built from the LINE SDK's own model
 * ({@link MulticastRequest}, the notice's Flex message), so the wire format is LINE's; the transport is ours
 * because the fan-out must see every status (409 is success here), read Retry-After, and keep up to
 * {@code max-in-flight} requests open, none of which the SDK's exception-per-status client exposes.
 */
@ApplicationScoped
public class MulticastClient {

    /** The SDK's models carry their own Jackson annotations (type ids, NON_NULL); a plain mapper honours them. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String authorization;
    private final Duration timeout;
    private final ExecutorService executor;
    private final HttpClient http;
    private final NoticeMessages notices;

    MulticastClient(LineConfig line, FanoutConfig config, NoticeMessages notices) {
        this.notices = notices;
        this.endpoint = URI.create(line.apiBaseUrl().replaceAll("/+$", "") + "/v2/bot/message/multicast");
        this.authorization = "Bearer " + line.channelAccessToken();
        this.timeout = config.requestTimeout();
        this.executor = Executors.newFixedThreadPool(2, DaemonThreads.named("line-multicast-io"));
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(Duration.ofSeconds(10))
                .version(HttpClient.Version.HTTP_1_1).build();
        // Jackson builds the serializers of the SDK's model on first use (~100 ms): not while a case waits.
        body(List.of("U00000000000000000000000000000000"), "warm-up");
    }

    /** The request body: the notice with this text, for these recipients; built once per attempt, never logged. */
    byte[] body(List<String> userIds, String text) {
        try {
            return JSON.writeValueAsBytes(new MulticastRequest.Builder(
                    List.of(notices.of(text).toLine()), userIds).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a multicast request", e);
        }
    }

    /** Sends; the future always completes normally, failures become a {@link SendResult} with status 0. */
    CompletableFuture<SendResult> send(UUID retryKey, byte[] body) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("X-Line-Retry-Key", retryKey.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                return new SendResult(0, cause.getClass().getSimpleName(), null);
            }
            return new SendResult(response.statusCode(), lineMessage(response), retryAfter(response));
        });
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
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
