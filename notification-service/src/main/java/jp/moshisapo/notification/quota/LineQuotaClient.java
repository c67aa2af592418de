package jp.moshisapo.notification.quota;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jp.moshisapo.notification.concurrent.DaemonThreads;
import jp.moshisapo.notification.config.LineConfig;

/**
 * Reads the channel's monthly quota from LINE: {@code GET /v2/bot/message/quota} (the plan's limit, or
 * {@code type: none}) and {@code GET /v2/bot/message/quota/consumption} (messages sent this month). A preview must
 * answer even when LINE does not, so any failure becomes {@link MessageQuota#unknown}, never an exception.
 */
@ApplicationScoped
public class LineQuotaClient {

    /** A staff member waits for the preview: a slow LINE makes the quota unknown rather than the page slow. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    /** The two questions of one reading, asked at once. */
    private final ExecutorService askers = Executors.newFixedThreadPool(2, DaemonThreads.named("line-quota"));

    LineQuotaClient(LineConfig line) {
        this.base = line.apiBaseUrl().replaceAll("/+$", "");
        this.authorization = "Bearer " + line.channelAccessToken();
    }

    public MessageQuota read() {
        // Both asked at once: an approval waits for this answer before its case may start sending.
        CompletableFuture<JsonNode> plan = ask("/v2/bot/message/quota");
        CompletableFuture<JsonNode> consumption = ask("/v2/bot/message/quota/consumption");
        try {
            JsonNode quota = join(plan);
            long used = join(consumption).path("totalUsage").asLong(-1);
            if (used < 0) {
                return MessageQuota.unknown("LINE's consumption answer has no totalUsage");
            }
            return switch (quota.path("type").asText()) {
                case "none" -> MessageQuota.unlimited(used);
                case "limited" -> quota.path("value").canConvertToLong() && quota.path("value").isIntegralNumber()
                        ? MessageQuota.limited(quota.path("value").asLong(), used)
                        : MessageQuota.unknown("LINE's quota answer has no limit value");
                default -> MessageQuota.unknown("LINE's quota answer has an unknown type");
            };
        } catch (QuotaUnavailable e) {
            Log.warnf("Could not read the LINE message quota: %s", e.getMessage());
            return MessageQuota.unknown(e.getMessage());
        }
    }

    private static JsonNode join(CompletableFuture<JsonNode> answer) {
        try {
            return answer.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof QuotaUnavailable unavailable ? unavailable : e;
        }
    }

    private CompletableFuture<JsonNode> ask(String path) {
        return CompletableFuture.supplyAsync(() -> fetch(path), askers);
    }

    /**
     * A blocking request on one of this client's own threads. Not {@code sendAsync}: it completes through
     * CompletableFuture's default pool, which on two cores or fewer starts a new thread for every answer.
     */
    private JsonNode fetch(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", authorization).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new QuotaUnavailable(path + " unreachable: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QuotaUnavailable(path + " not asked: interrupted");
        }
        if (response.statusCode() != 200) {
            throw new QuotaUnavailable(path + " answered HTTP " + response.statusCode());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new QuotaUnavailable(path + " unreachable: " + e.getClass().getSimpleName());
        }
    }

    /** Why LINE's quota could not be read; the message names the path and status only. */
    private static final class QuotaUnavailable extends RuntimeException {
        QuotaUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
