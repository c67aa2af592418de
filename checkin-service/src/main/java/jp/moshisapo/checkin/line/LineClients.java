package jp.moshisapo.checkin.line;

import com.linecorp.bot.messaging.client.MessagingApiClient;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import jp.moshisapo.checkin.config.LineConfig;

/** LINE's Messaging API client (the SDK's), pointed at {@code LINE_API_BASE_URL}: api.line.me or the simulator. */
public class LineClients {

    /** Replies of a whole batch go out at once; OkHttp's default of 5 per host would queue them. */
    private static final int MAX_CONCURRENT_REQUESTS = 64;

    @Produces
    @Singleton
    MessagingApiClient messagingApi(LineConfig line) {
        return MessagingApiClient.builder(line.channelAccessToken())
                .apiEndPoint(URI.create(line.apiBaseUrl()))
                .connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5))
                .writeTimeout(Duration.ofSeconds(5))
                .maxRequests(MAX_CONCURRENT_REQUESTS)
                .maxRequestsPerHost(MAX_CONCURRENT_REQUESTS)
                // The SDK's default wire logger writes every request with its bearer token and body to the log.
                .usingDefaultLogger(false)
                .build();
    }
}
