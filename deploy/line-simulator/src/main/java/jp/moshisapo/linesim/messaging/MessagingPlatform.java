package jp.moshisapo.linesim.messaging;

import com.sun.net.httpserver.HttpHandler;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.linesim.inbox.Friendships;
import jp.moshisapo.linesim.inbox.Inboxes;

import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/** The Messaging API side of the simulated channel: its rules' state and the HTTP handler serving it. */
public final class MessagingPlatform {

    private final Supplier<LineSimulatorConfig> config;
    private final Inboxes inboxes;
    private final RateLimits rateLimits;
    private final RetryKeys retryKeys = new RetryKeys();
    private final ReplyTokens replyTokens = new ReplyTokens();
    private final Faults faults = new Faults();
    private final Counters counters = new Counters();
    private final MessageQuota quota = new MessageQuota(java.time.Clock.systemUTC());
    private final ChannelToken token = new ChannelToken();
    private final MessagingApi api;
    private final RichMenus richMenus = new RichMenus();
    private final RichMenuApi richMenuApi;

    public MessagingPlatform(Supplier<LineSimulatorConfig> config, Inboxes inboxes, Friendships friendships,
                             ScheduledExecutorService scheduler) {
        this.config = config;
        this.inboxes = inboxes;
        this.rateLimits = new RateLimits(config.get());
        this.api = new MessagingApi(config, inboxes, friendships, rateLimits, retryKeys, replyTokens, faults,
                counters, quota, token, scheduler);
        this.richMenuApi = new RichMenuApi(config, richMenus, token);
    }

    /** Serves the rich menu endpoints, the image upload included (LINE's data endpoint is this server here). */
    public HttpHandler richMenuHandler() {
        return richMenuApi;
    }

    public RichMenus richMenus() {
        return richMenus;
    }

    /** Serves /v2/bot/... */
    public HttpHandler handler() {
        return api;
    }

    public ReplyTokens replyTokens() {
        return replyTokens;
    }

    public Faults faults() {
        return faults;
    }

    public MessageQuota quota() {
        return quota;
    }

    public ChannelToken token() {
        return token;
    }

    public Stats stats() {
        return new Stats(counters.snapshot(), inboxes.delivered(), counters.blockedSkipped(),
                inboxes.usersWithMessages());
    }

    /** Recipients delivered by the request that accepted this retry key (0 if none did). */
    public int recipientsOf(UUID retryKey) {
        return retryKeys.recipientsOf(retryKey);
    }

    /** Picks up changed rate limits. */
    public void reconfigure() {
        rateLimits.reconfigure(config.get());
    }

    /** Drops expired reply tokens and retry keys; called periodically. */
    public void purgeExpired() {
        replyTokens.purgeExpired();
        retryKeys.purgeExpired();
    }

    /**
     * Forgets counters, retry keys, reply tokens, faults, the monthly limit and usage, and a revoked token, and
     * refills the rate limits.
     */
    public void reset() {
        counters.reset();
        quota.reset();
        token.revoked(false);
        retryKeys.clear();
        replyTokens.clear();
        faults.clear();
        rateLimits.refill();
        richMenus.clear();
    }
}
