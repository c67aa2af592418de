package jp.moshisapo.checkin.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The LINE Messaging API channel this service talks to ({@code moshisapo.line.*}); secrets come from the environment. */
@ConfigMapping(prefix = "moshisapo.line")
public interface LineConfig {

    /** {@code https://api.line.me} in production, the simulator locally. */
    String apiBaseUrl();

    String channelAccessToken();

    /** Verifies {@code X-Line-Signature} of webhook bodies. */
    String channelSecret();

    String botBasicId();

    /**
     * How long one try of a reply may wait for LINE: connecting, or silence on the connection. A reply that
     * waited this long is tried again like one LINE refused with 5xx.
     */
    @WithDefault("5000")
    long replyTimeoutMs();
}
