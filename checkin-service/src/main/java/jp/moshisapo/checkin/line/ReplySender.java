package jp.moshisapo.checkin.line;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import jp.moshisapo.checkin.config.LineConfig;
import jp.moshisapo.checkin.metrics.CheckinMetrics;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends a reply with LINE's reply API. Rate limiting (429), server errors and network failures are retried a few
 * times (limits in application.properties); anything else LINE refused (an expired or used reply token, 400) is
 * final: retrying cannot help, and the token can only ever be used once.
 *
 * <p>The request body is the LINE SDK's own model ({@link ReplyMessageRequest}); the transport is OkHttp, the client
 * the SDK itself uses, but built here: the SDK's builder cannot size its connection pool, and OkHttp keeps only 5 idle
 * connections by default. A batch's replies go out up to {@value #MAX_IN_FLIGHT} at once, so every burst opened
 * new connections and the pool closed all but 5 afterwards: about one reply in five paid a TCP connect (a TLS
 * handshake, against api.line.me) at 1,000 check-ins/s (docs/performance.md).
 */
@ApplicationScoped
public class ReplySender {

    /** Replies of a whole batch go out at once; each in-flight reply keeps its connection for the next. */
    static final int MAX_IN_FLIGHT = 64;
    /** The SDK's models carry their own Jackson annotations (type ids, NON_NULL); a plain mapper honours them. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType JSON_UTF8 = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient http;
    private final HttpUrl endpoint;
    private final String authorization;
    private final CheckinMetrics metrics;

    ReplySender(LineConfig line, CheckinMetrics metrics) {
        this.metrics = metrics;
        this.endpoint = HttpUrl.get(line.apiBaseUrl().replaceAll("/+$", "") + "/v2/bot/message/reply");
        this.authorization = "Bearer " + line.channelAccessToken();
        this.http = client();
    }

    /** Up to {@value #MAX_IN_FLIGHT} replies at once, and as many connections kept for the next burst. */
    static OkHttpClient client() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(MAX_IN_FLIGHT);
        dispatcher.setMaxRequestsPerHost(MAX_IN_FLIGHT);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(MAX_IN_FLIGHT, 5, TimeUnit.MINUTES))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .writeTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = ReplyRetryableException.class)
    @Timeout(5000)
    public CompletionStage<Void> send(String replyToken, List<Message> messages) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(new ReplyMessageRequest(replyToken, messages, false));
        } catch (JsonProcessingException e) {
            sent.completeExceptionally(new ReplyRejectedException("the reply cannot be written", e));
            return sent;
        }
        Request request = new Request.Builder().url(endpoint)
                .header("Authorization", authorization)
                .post(RequestBody.create(body, JSON_UTF8))
                .build();
        http.newCall(request).enqueue(new Callback() {
            @Override
            public void onFailure(Call call, IOException error) {
                sent.completeExceptionally(new ReplyRetryableException("LINE not reachable: "
                        + error.getClass().getSimpleName(), error));
            }

            @Override
            public void onResponse(Call call, Response response) throws IOException {
                try (response) {
                    response.body().bytes(); // read to the end, so the connection serves the next reply
                    if (response.isSuccessful()) {
                        sent.complete(null);
                    } else {
                        sent.completeExceptionally(refusal(response.code()));
                    }
                }
            }
        });
        return sent;
    }

    @PreDestroy
    void close() {
        release(http);
    }

    /** Ends a reply client: its dispatcher's threads finish what they have, its idle connections close. */
    static void release(OkHttpClient client) {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
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
