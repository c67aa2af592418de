package jp.moshisapo.checkin.health;

import jakarta.enterprise.context.ApplicationScoped;
import jp.moshisapo.checkin.code.CodeViewUpdater;
import jp.moshisapo.checkin.processing.WebhookEventConsumer;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the code view has caught up with facility.codes.v1 (or scans of new codes would be answered
 * 「登録されていません」) and webhook events are being processed.
 */
@Readiness
@ApplicationScoped
public class ProcessingReadiness implements HealthCheck {

    private final CodeViewUpdater codeView;
    private final WebhookEventConsumer consumer;

    ProcessingReadiness(CodeViewUpdater codeView, WebhookEventConsumer consumer) {
        this.codeView = codeView;
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("checkin-processing")
                .status(codeView.isCaughtUp() && consumer.isHealthy())
                .withData("codeViewCaughtUp", codeView.isCaughtUp())
                .withData("webhookEventsProcessing", consumer.isHealthy())
                .build();
    }
}
