package jp.moshisapo.checkin.line;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import jp.moshisapo.checkin.config.LineConfig;
import jp.moshisapo.checkin.metrics.CheckinMetrics;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * Sends a reply with LINE's reply API. Rate limiting (429), server errors and network failures are retried a few
 * times (limits in application.properties); anything else LINE refused (an expired or used reply token, 400) is
 * final: retrying cannot help, and the token can only ever be used once.
 *
 * <p>The request body is the LINE SDK's own model ({@link ReplyMessageRequest}). The transport is the service's
 * Vert.x HTTP client, on the event loops that already serve the webhook: a reply costs no thread of its own, where
 * the SDK's OkHttp blocked one thread per reply in flight and woke it for the answer (docs/performance.md). The pool
 * keeps as many connections as replies may be in flight: a batch's replies go out up to {@value #MAX_IN_FLIGHT} at
 * once, and each burst must find the connections of the last (against api.line.me, a new one is a TLS handshake).
 */
@ApplicationScoped
public class ReplySender {

    /** Replies of a whole batch go out at once; each in-flight reply keeps its connection for the next. */
    static final int MAX_IN_FLIGHT = 64;
    /** The SDK's models carry their own Jackson annotations (type ids, NON_NULL); a plain mapper honours them. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String endpoint;
    private final String authorization;
    private final long timeoutMs;
    private final CheckinMetrics metrics;

    ReplySender(Vertx vertx, LineConfig line, CheckinMetrics metrics) {
        this.metrics = metrics;
        this.endpoint = line.apiBaseUrl().replaceAll("/+$", "") + "/v2/bot/message/reply";
        this.authorization = "Bearer " + line.channelAccessToken();
        this.timeoutMs = line.replyTimeoutMs();
        this.http = client(vertx);
    }

    /**
     * Up to {@value #MAX_IN_FLIGHT} connections, kept between bursts. TLS (an https base URL) verifies the host
     * name against the certificate and names the host in the handshake (SNI), as api.line.me requires.
     */
    static HttpClient client(Vertx vertx) {
        HttpClientOptions options = new HttpClientOptions()
                .setVerifyHost(true)
                .setForceSni(true);
        return vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(MAX_IN_FLIGHT));
    }

    /**
     * One try is bounded by the request's own timeouts ({@code LINE_REPLY_TIMEOUT_MS}) rather than by a
     * {@code @Timeout}: that one schedules a timer task on another thread for every reply, a few per cent of the
     * service's CPU (docs/performance.md).
     */
    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = ReplyRetryableException.class)
    public CompletionStage<Void> send(String replyToken, List<Message> messages) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        Buffer body;
        try {
            body = Buffer.buffer(JSON.writeValueAsBytes(new ReplyMessageRequest(replyToken, messages, false)));
        } catch (JsonProcessingException e) {
            sent.completeExceptionally(new ReplyRejectedException("the reply cannot be written", e));
            return sent;
        }
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(endpoint)
                .setConnectTimeout(timeoutMs)
                .setIdleTimeout(timeoutMs)
                .putHeader("Authorization", authorization)
                .putHeader("Content-Type", "application/json; charset=utf-8");
        statusOf(http, request, body).onComplete(answer -> {
            if (answer.failed()) {
                sent.completeExceptionally(new ReplyRetryableException("LINE not reachable: "
                        + answer.cause().getClass().getSimpleName(), answer.cause()));
            } else if (answer.result() / 100 == 2) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(refusal(answer.result()));
            }
        });
        return sent;
    }

    /** One request and its answer's status, the answer read to its end so that its connection serves the next. */
    static Future<Integer> statusOf(HttpClient http, RequestOptions request, Buffer body) {
        return http.request(request)
                .compose(call -> call.send(body))
                .compose(response -> response.body().map(ignored -> response.statusCode()));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    private RuntimeException refusal(int status) {
        if (status == 429) {
            metrics.replyRateLimited().increment();
        }
        if (status == 429 || status >= 500) {
            return new ReplyRetryableException("LINE answered " + status, null);
        }
        return new ReplyRejectedException("LINE refused the reply with " + status, null);
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
