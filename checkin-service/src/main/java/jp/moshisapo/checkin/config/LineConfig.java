package jp.moshisapo.checkin.config;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/** The LINE Messaging API channel this service talks to ({@code moshisapo.line.*}); secrets come from the environment. */
@ConfigMapping(prefix = "moshisapo.line")
public interface LineConfig {

    /** {@code https://api.line.me} in production, the simulator locally. */
    String apiBaseUrl();

    String channelAccessToken();

    /** Verifies {@code X-Line-Signature} of webhook bodies. */
    String channelSecret();

    String botBasicId();

    /** The reply API: a reply token lives about a minute, so retries are few and short. */
    Reply reply();

    interface Reply {

        /** Further tries after a 429, a 5xx or a network failure ({@code LINE_REPLY_MAX_RETRIES}). */
        int maxRetries();

        /** Wait before a retry, give or take half of it ({@code LINE_REPLY_RETRY_DELAY_MS}). */
        Duration retryDelay();

        /** Per try, from sending the request to LINE's status line ({@code LINE_REPLY_TIMEOUT_MS}). */
        Duration timeout();

        Duration connectTimeout();
    }
}
