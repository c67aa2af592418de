package jp.moshisapo.checkin.line;

import com.linecorp.bot.client.base.exception.AbstractLineClientException;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import jp.moshisapo.checkin.metrics.CheckinMetrics;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Sends a reply with LINE's reply API. Rate limiting (429), server errors and network failures are retried a few
 * times (limits in application.properties); anything else LINE refused (an expired or used reply token, 400) is
 * final: retrying cannot help, and the token can only ever be used once.
 */
@ApplicationScoped
public class ReplySender {

    private final MessagingApiClient client;
    private final CheckinMetrics metrics;

    ReplySender(MessagingApiClient client, CheckinMetrics metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    @Retry(maxRetries = 3, delay = 200, jitter = 100, retryOn = ReplyRetryableException.class)
    @Timeout(5000)
    public CompletionStage<Void> send(String replyToken, List<Message> messages) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        client.replyMessage(new ReplyMessageRequest(replyToken, messages, false)).whenComplete((result, error) -> {
            if (error == null) {
                sent.complete(null);
            } else {
                sent.completeExceptionally(classify(unwrap(error)));
            }
        });
        return sent;
    }

    private RuntimeException classify(Throwable error) {
        if (error instanceof AbstractLineClientException line) {
            int status = line.getCode();
            if (status == 429) {
                metrics.replyRateLimited().increment();
            }
            if (status == 429 || status >= 500) {
                return new ReplyRetryableException("LINE answered " + status, error);
            }
            return new ReplyRejectedException("LINE refused the reply with " + status, error);
        }
        if (error instanceof IOException) {
            return new ReplyRetryableException("LINE not reachable: " + error.getClass().getSimpleName(), error);
        }
        return new ReplyRejectedException("reply failed: " + error.getClass().getSimpleName(), error);
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
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
