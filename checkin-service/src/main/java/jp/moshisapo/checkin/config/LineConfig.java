package jp.moshisapo.checkin.config;

import io.smallrye.config.ConfigMapping;

/** The LINE Messaging API channel this service talks to ({@code moshisapo.line.*}); secrets come from the environment. */
@ConfigMapping(prefix = "moshisapo.line")
public interface LineConfig {

    /** {@code https://api.line.me} in production, the simulator locally. */
    String apiBaseUrl();

    String channelAccessToken();

    /** Verifies {@code X-Line-Signature} of webhook bodies. */
    String channelSecret();

    String botBasicId();
}
