package jp.moshisapo.linesim;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of one simulated LINE channel: where it listens, its credentials, where it posts webhooks and the
 * platform limits it enforces.
 *
 * @param port               TCP port on 127.0.0.1; 0 picks a free one
 * @param channelSecret      signs webhook bodies (X-Line-Signature)
 * @param channelAccessToken the bearer token the Messaging API accepts
 * @param botBasicId         the official account's basic id (with @), used in oaMessage URLs
 * @param webhookUrl         where events are posted; null until set
 * @param multicastPerSecond rate limit of POST /v2/bot/message/multicast (LINE: 200/s)
 * @param pushPerSecond      rate limit of POST /v2/bot/message/push (LINE: 2,000/s)
 * @param replyPerSecond     rate limit of POST /v2/bot/message/reply (LINE: 2,000/s)
 * @param replyTokenTtl      how long a reply token can be used (LINE: about one minute)
 * @param webhookTimeout     how long the webhook may take before LINE counts the delivery as failed
 * @param webhookRedeliveries how many times a failed delivery is redelivered (LINE's "webhook redelivery")
 */
public record LineSimulatorConfig(int port, String channelSecret, String channelAccessToken, String botBasicId,
                                  URI webhookUrl, int multicastPerSecond, int pushPerSecond, int replyPerSecond,
                                  Duration replyTokenTtl, Duration webhookTimeout, int webhookRedeliveries) {

    /** Local-only defaults: the same values the services use when no LINE_* variable is set. */
    public static final String LOCAL_CHANNEL_SECRET = "moshisapo-local-channel-secret";
    public static final String LOCAL_CHANNEL_ACCESS_TOKEN = "moshisapo-local-channel-token";
    public static final String LOCAL_BOT_BASIC_ID = "@moshisapo";
    public static final int DEFAULT_SERVE_PORT = 8090;
    public static final URI DEFAULT_WEBHOOK_URL = URI.create("http://127.0.0.1:8080/line/webhook");

    public LineSimulatorConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        requireText(channelSecret, "channelSecret");
        requireText(channelAccessToken, "channelAccessToken");
        requireText(botBasicId, "botBasicId");
        requirePositive(multicastPerSecond, "multicastPerSecond");
        requirePositive(pushPerSecond, "pushPerSecond");
        requirePositive(replyPerSecond, "replyPerSecond");
        requirePositive(replyTokenTtl, "replyTokenTtl");
        requirePositive(webhookTimeout, "webhookTimeout");
        if (webhookRedeliveries < 0) {
            throw new IllegalArgumentException("webhookRedeliveries must be >= 0: " + webhookRedeliveries);
        }
        if (webhookUrl != null && !"http".equals(webhookUrl.getScheme()) && !"https".equals(webhookUrl.getScheme())) {
            throw new IllegalArgumentException("webhookUrl must be http(s): " + webhookUrl);
        }
    }

    /** A free port, the local credentials, no webhook yet, LINE's published limits, no redelivery. */
    public static LineSimulatorConfig defaults() {
        return new LineSimulatorConfig(0, LOCAL_CHANNEL_SECRET, LOCAL_CHANNEL_ACCESS_TOKEN, LOCAL_BOT_BASIC_ID,
                null, 200, 2000, 2000, Duration.ofMinutes(1), Duration.ofSeconds(2), 0);
    }

    /** The configuration of {@code line-simulator serve}, from the process environment. */
    public static LineSimulatorConfig fromEnv() {
        return fromEnv(System.getenv());
    }

    /**
     * Reads LINE_SIM_PORT (8090), LINE_CHANNEL_SECRET, LINE_CHANNEL_ACCESS_TOKEN, LINE_BOT_BASIC_ID,
     * LINE_SIM_WEBHOOK_URL (http://127.0.0.1:8080/line/webhook), LINE_SIM_MULTICAST_PER_SECOND,
     * LINE_SIM_PUSH_PER_SECOND, LINE_SIM_REPLY_PER_SECOND, LINE_SIM_REPLY_TOKEN_TTL_SECONDS,
     * LINE_SIM_WEBHOOK_TIMEOUT_MS and LINE_SIM_WEBHOOK_REDELIVERIES; unset or blank means the default.
     */
    public static LineSimulatorConfig fromEnv(Map<String, String> env) {
        LineSimulatorConfig d = defaults();
        return new LineSimulatorConfig(
                intVar(env, "LINE_SIM_PORT", DEFAULT_SERVE_PORT),
                stringVar(env, "LINE_CHANNEL_SECRET", d.channelSecret()),
                stringVar(env, "LINE_CHANNEL_ACCESS_TOKEN", d.channelAccessToken()),
                stringVar(env, "LINE_BOT_BASIC_ID", d.botBasicId()),
                URI.create(stringVar(env, "LINE_SIM_WEBHOOK_URL", DEFAULT_WEBHOOK_URL.toString())),
                intVar(env, "LINE_SIM_MULTICAST_PER_SECOND", d.multicastPerSecond()),
                intVar(env, "LINE_SIM_PUSH_PER_SECOND", d.pushPerSecond()),
                intVar(env, "LINE_SIM_REPLY_PER_SECOND", d.replyPerSecond()),
                Duration.ofSeconds(intVar(env, "LINE_SIM_REPLY_TOKEN_TTL_SECONDS", (int) d.replyTokenTtl().toSeconds())),
                Duration.ofMillis(intVar(env, "LINE_SIM_WEBHOOK_TIMEOUT_MS", (int) d.webhookTimeout().toMillis())),
                intVar(env, "LINE_SIM_WEBHOOK_REDELIVERIES", d.webhookRedeliveries()));
    }

    public LineSimulatorConfig withPort(int port) {
        return new LineSimulatorConfig(port, channelSecret, channelAccessToken, botBasicId, webhookUrl,
                multicastPerSecond, pushPerSecond, replyPerSecond, replyTokenTtl, webhookTimeout, webhookRedeliveries);
    }

    public LineSimulatorConfig withChannelSecret(String channelSecret) {
        return new LineSimulatorConfig(port, channelSecret, channelAccessToken, botBasicId, webhookUrl,
                multicastPerSecond, pushPerSecond, replyPerSecond, replyTokenTtl, webhookTimeout, webhookRedeliveries);
    }

    public LineSimulatorConfig withChannelAccessToken(String channelAccessToken) {
        return new LineSimulatorConfig(port, channelSecret, channelAccessToken, botBasicId, webhookUrl,
                multicastPerSecond, pushPerSecond, replyPerSecond, replyTokenTtl, webhookTimeout, webhookRedeliveries);
    }

    public LineSimulatorConfig withBotBasicId(String botBasicId) {
        return new LineSimulatorConfig(port, channelSecret, channelAccessToken, botBasicId, webhookUrl,
                multicastPerSecond, pushPerSecond, replyPerSecond, replyTokenTtl, webhookTimeout, webhookRedeliveries);
    }

    public LineSimulatorConfig withWebhookUrl(URI webhookUrl) {
        return new LineSimulatorConfig(port, channelSecret, channelAccessToken, botBasicId, webhookUrl,
                multicastPerSecond, pushPerSecond, replyPerSecond, replyTokenTtl, webhookTimeout, webhookRedeliveries);
    }

    public LineSimulatorConfig withMulticastPerSecond(int multicastPerSecond) {
        return new LineSimulatorConfig(port, channelSecret, channelAccessToken, botBasicId, webhookUrl,
                multicastPerSecond, pushPerSecond, replyPerSecond, replyTokenTtl, webhookTimeout, webhookRedeliveries);
    }

    public LineSimulatorConfig withPushPerSecond(int pushPerSecond) {
        return new LineSimulatorConfig(port, channelSecret, channelAccessToken, botBasicId, webhookUrl,
                multicastPerSecond, pushPerSecond, replyPerSecond, replyTokenTtl, webhookTimeout, webhookRedeliveries);
    }

    public LineSimulatorConfig withReplyPerSecond(int replyPerSecond) {
        return new LineSimulatorConfig(port, channelSecret, channelAccessToken, botBasicId, webhookUrl,
                multicastPerSecond, pushPerSecond, replyPerSecond, replyTokenTtl, webhookTimeout, webhookRedeliveries);
    }

    public LineSimulatorConfig withReplyTokenTtl(Duration replyTokenTtl) {
        return new LineSimulatorConfig(port, channelSecret, channelAccessToken, botBasicId, webhookUrl,
                multicastPerSecond, pushPerSecond, replyPerSecond, replyTokenTtl, webhookTimeout, webhookRedeliveries);
    }

    public LineSimulatorConfig withWebhookTimeout(Duration webhookTimeout) {
        return new LineSimulatorConfig(port, channelSecret, channelAccessToken, botBasicId, webhookUrl,
                multicastPerSecond, pushPerSecond, replyPerSecond, replyTokenTtl, webhookTimeout, webhookRedeliveries);
    }

    public LineSimulatorConfig withWebhookRedeliveries(int webhookRedeliveries) {
        return new LineSimulatorConfig(port, channelSecret, channelAccessToken, botBasicId, webhookUrl,
                multicastPerSecond, pushPerSecond, replyPerSecond, replyTokenTtl, webhookTimeout, webhookRedeliveries);
    }

    /** Never prints the secret or the token: configs end up in logs and test reports. */
    @Override
    public String toString() {
        return "LineSimulatorConfig[port=" + port + ", botBasicId=" + botBasicId + ", webhookUrl=" + webhookUrl
                + ", multicastPerSecond=" + multicastPerSecond + ", pushPerSecond=" + pushPerSecond
                + ", replyPerSecond=" + replyPerSecond + ", replyTokenTtl=" + replyTokenTtl
                + ", webhookTimeout=" + webhookTimeout + ", webhookRedeliveries=" + webhookRedeliveries + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0: " + value);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0: " + value);
        }
    }

    private static String stringVar(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    private static int intVar(Map<String, String> env, String name, int fallback) {
        String value = stringVar(env, name, null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'", e);
        }
    }
}
