package jp.moshisapo.checkin.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Timer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import jp.moshisapo.checkin.config.CheckinConfig;
import jp.moshisapo.checkin.metrics.CheckinMetrics;
import jp.moshisapo.problem.ProblemException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestHeader;

/**
 * {@code POST /line/webhook}: the LINE platform's only way in. Checks, in this order and before anything else
 * happens, the body size (413), the signature over the raw bytes (401) and the envelope (400); then puts the
 * events on Kafka and answers 200 once Kafka has them (503 when it does not, so LINE redelivers).
 */
@Path("/line/webhook")
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    private final SignatureCheck signatures;
    private final WebhookBody body;
    private final WebhookIntake intake;
    private final int maxBodyBytes;
    private final CheckinMetrics metrics;

    WebhookResource(SignatureCheck signatures, WebhookIntake intake, ObjectMapper json, CheckinConfig config,
            CheckinMetrics metrics) {
        this.signatures = signatures;
        this.body = new WebhookBody(json.getFactory());
        this.intake = intake;
        this.maxBodyBytes = config.webhookMaxBodyBytes();
        this.metrics = metrics;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public CompletionStage<Response> receive(@RestHeader("X-Line-Signature") String signature, byte[] raw) {
        Timer.Sample sample = metrics.startTimer();
        try {
            List<AcceptedEvent> events = verified(signature, raw == null ? new byte[0] : raw);
            CompletableFuture<Response> answer = new CompletableFuture<>();
            intake.accept(events).whenComplete((ok, error) -> {
                if (error == null) {
                    metrics.eventsAccepted().increment(events.size());
                    stop(sample, "accepted");
                    answer.complete(Response.ok().build());
                } else {
                    LOG.warnf("webhook events not accepted, LINE will redeliver: %s", error.getClass().getName());
                    stop(sample, "unavailable");
                    answer.completeExceptionally(WebhookProblems.unavailable());
                }
            });
            return answer;
        } catch (ProblemException refused) {
            stop(sample, "refused");
            throw refused;
        }
    }

    private List<AcceptedEvent> verified(String signature, byte[] raw) {
        if (raw.length > maxBodyBytes) {
            throw new ProblemException(WebhookProblems.bodyTooLarge(maxBodyBytes));
        }
        if (!signatures.isValid(raw, signature)) {
            metrics.signatureFailures().increment();
            LOG.warn("webhook refused: X-Line-Signature missing or wrong");
            throw WebhookProblems.invalidSignature();
        }
        return body.events(raw);
    }

    private void stop(Timer.Sample sample, String outcome) {
        sample.stop(metrics.webhook(outcome));
    }
}
