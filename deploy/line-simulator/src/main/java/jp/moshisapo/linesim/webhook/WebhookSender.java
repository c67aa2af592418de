package jp.moshisapo.linesim.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.moshisapo.linesim.LineIds;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.linesim.http.HttpIo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Posts signed webhook bodies the way LINE does, and redelivers failed ones (non-2xx or no answer within the
 * webhook timeout) with the same webhookEventId and {@code deliveryContext.isRedelivery=true}.
 */
public final class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    /** Enough history for any drill; older events cannot be redelivered by hand. */
    private static final int REMEMBERED_EVENTS = 10_000;

    private final Supplier<LineSimulatorConfig> config;
    private final HttpClient http;
    private final Map<String, ObjectNode> recentEvents = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ObjectNode> eldest) {
            return size() > REMEMBERED_EVENTS;
        }
    };

    public WebhookSender(Supplier<LineSimulatorConfig> config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.get().webhookTimeout())
                .build();
    }

    /** Delivers one event, redelivering as configured; returns how the last attempt went. */
    public WebhookResult send(ObjectNode event) {
        String eventId = event.get("webhookEventId").asText();
        synchronized (recentEvents) {
            recentEvents.put(eventId, event);
        }
        LineSimulatorConfig cfg = config.get();
        int status = post(event, false, cfg);
        int attempts = 1;
        while (!isSuccess(status) && attempts <= cfg.webhookRedeliveries()) {
            pause(backoff(attempts));
            status = post(event, true, cfg);
            attempts++;
        }
        WebhookResult result = new WebhookResult(status, eventId, attempts);
        LOG.fine(() -> "webhook " + event.get("type").asText() + " event: " + result);
        return result;
    }

    /** Posts a remembered event again, marked as a redelivery, once. */
    public WebhookResult redeliver(String webhookEventId) {
        ObjectNode event;
        synchronized (recentEvents) {
            event = recentEvents.get(webhookEventId);
        }
        if (event == null) {
            throw new IllegalArgumentException("no event with this webhookEventId was sent recently");
        }
        return new WebhookResult(post(event, true, config.get()), webhookEventId, 1);
    }

    /** Posts a body as given, with the given signature header (none when null): for forged-request tests. */
    public WebhookResult sendRaw(byte[] body, String signatureOrNull) {
        return new WebhookResult(post(body, signatureOrNull, config.get()), null, 1);
    }

    /** The event as a first delivery would post it, for the caller to post; not remembered for redelivery. */
    public SignedWebhook signed(ObjectNode event) {
        return signed(event, config.get());
    }

    private int post(ObjectNode event, boolean redelivery, LineSimulatorConfig cfg) {
        ObjectNode copy = event.deepCopy();
        ((ObjectNode) copy.get("deliveryContext")).put("isRedelivery", redelivery);
        SignedWebhook signed = signed(copy, cfg);
        return post(signed.body(), signed.signature(), cfg);
    }

    private static SignedWebhook signed(ObjectNode event, LineSimulatorConfig cfg) {
        byte[] body = HttpIo.toJson(WebhookEvents.body(LineIds.botUserIdFor(cfg.botBasicId()), event));
        return new SignedWebhook(body, WebhookSigner.sign(cfg.channelSecret(), body));
    }

    private int post(byte[] body, String signature, LineSimulatorConfig cfg) {
        URI url = cfg.webhookUrl();
        if (url == null) {
            throw new IllegalStateException(
                    "No webhook URL set: set LINE_SIM_WEBHOOK_URL, PUT /sim/config or call setWebhookUrl");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(cfg.webhookTimeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "LineBotWebhook/2.0")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Line-Signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            // Timeout or refused connection: LINE counts it as a failed delivery, it has no status.
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static boolean isSuccess(int status) {
        return status >= 200 && status < 300;
    }

    /** Short exponential backoff (LINE waits longer; tests should not). */
    private static Duration backoff(int attempt) {
        return Duration.ofMillis(Math.min(1000, 100L << (attempt - 1)));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
