package jp.moshisapo.checkin.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.moshisapo.checkin.config.CheckinConfig;
import jp.moshisapo.problem.Language;
import jp.moshisapo.problem.Problem;

/**
 * Refuses a request whose Content-Length is above the webhook's limit before a byte of its body is read, with the
 * same problem+json 413 the webhook gives. (A chunked body has no length up front: the webhook checks its size
 * once read, within the HTTP layer's outer limit.)
 */
@ApplicationScoped
public class BodyLimitFilter {

    /** Before Quarkus REST reads the body. */
    private static final int PRIORITY = 100;

    private final long maxBodyBytes;
    private final byte[] problem;

    BodyLimitFilter(CheckinConfig config, ObjectMapper json) throws JsonProcessingException {
        this.maxBodyBytes = config.webhookMaxBodyBytes();
        this.problem = json.writeValueAsBytes(WebhookProblems.bodyTooLarge(maxBodyBytes).in(Language.EN, null)
                .members());
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isAbove(length)) {
                context.response().setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(Buffer.buffer(problem));
            } else {
                context.next();
            }
        }, PRIORITY);
    }

    private boolean isAbove(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false; // a broken header is left to the HTTP layer, which answers 400
        }
    }
}
