package jp.moshisapo.checkin.line;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import jp.moshisapo.checkin.config.LineConfig;
import jp.moshisapo.checkin.metrics.CheckinMetrics;

/**
 * Sends a reply with LINE's reply API ({@code POST /v2/bot/message/reply}). Rate limiting (429), server errors and
 * network failures are retried a few times ({@code LINE_REPLY_*}); anything else LINE refused (an expired or used
 * reply token, 400) is final: retrying cannot help, and the token can only ever be used once.
 *
 * <p>The body is the LINE SDK's own model, so the wire format is LINE's; the transport is the JDK's HttpClient,
 * as for notification-service's multicasts: two requests a check-in made the SDK's OkHttp/Retrofit stack and a
 * fault-tolerance interceptor a visible share of this service's CPU (docs/performance.md).
 */
@ApplicationScoped
public class ReplySender {

    /** The SDK's models carry their own Jackson annotations (type ids, NON_NULL); a plain mapper honours them. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String authorization;
    private final LineConfig.Reply settings;
    private final CheckinMetrics metrics;
    private final ExecutorService executor;
    private final HttpClient http;

    ReplySender(LineConfig line, CheckinMetrics metrics) {
        this.endpoint = URI.create(line.apiBaseUrl().replaceAll("/+$", "") + "/v2/bot/message/reply");
        this.authorization = "Bearer " + line.channelAccessToken();
        this.settings = line.reply();
        this.metrics = metrics;
        this.executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "line-reply-io");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().executor(executor).connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Completes when LINE took the reply; fails with {@link ReplyRejectedException} or, retries spent, {@link ReplyRetryableException}. */
    public CompletableFuture<Void> send(String replyToken, List<Message> messages) {
        return attempt(body(replyToken, messages), 0);
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }

    private CompletableFuture<Void> attempt(byte[] body, int retriesSoFar) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(settings.timeout())
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> failure == null ? refusal(response.statusCode()) : unreachable(failure))
                .thenCompose(refused -> {
                    if (refused == null) {
                        return CompletableFuture.completedFuture(null);
                    }
                    if (refused instanceof ReplyRetryableException && retriesSoFar < settings.maxRetries()) {
                        return CompletableFuture.supplyAsync(() -> body, CompletableFuture.delayedExecutor(
                                delayMillis(), TimeUnit.MILLISECONDS, executor))
                                .thenCompose(same -> attempt(same, retriesSoFar + 1));
                    }
                    return CompletableFuture.failedFuture(refused);
                });
    }

    /** Null when LINE took the reply. */
    private RuntimeException refusal(int status) {
        if (status >= 200 && status < 300) {
            return null;
        }
        if (status == 429) {
            metrics.replyRateLimited().increment();
        }
        if (status == 429 || status >= 500) {
            return new ReplyRetryableException("LINE answered " + status, null);
        }
        return new ReplyRejectedException("LINE refused the reply with " + status, null);
    }

    private static RuntimeException unreachable(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof IOException) { // HttpTimeoutException and ConnectException included
            return new ReplyRetryableException("LINE not reachable: " + cause.getClass().getSimpleName(), cause);
        }
        return new ReplyRejectedException("reply failed: " + cause.getClass().getSimpleName(), cause);
    }

    /** The configured delay, give or take half of it, so replies refused together do not come back together. */
    private long delayMillis() {
        long delay = settings.retryDelay().toMillis();
        return delay / 2 + ThreadLocalRandom.current().nextLong(delay + 1);
    }

    private static byte[] body(String replyToken, List<Message> messages) {
        try {
            return JSON.writeValueAsBytes(new ReplyMessageRequest(replyToken, messages, false));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a reply", e);
        }
    }

    /** Worth another try: LINE was busy or unreachable. */
    public static class ReplyRetryableException extends RuntimeException {
        ReplyRetryableException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }

    /** Final: LINE will refuse this reply whatever we do. */
    public static class ReplyRejectedException extends RuntimeException {
        ReplyRejectedException(String message, Throwable cause) {
            super(message, cause, false, false);
        }
    }
}
