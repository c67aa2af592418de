package jp.moshisapo.linesim;

import com.sun.net.httpserver.HttpServer;
import jp.moshisapo.linesim.control.ControlApi;
import jp.moshisapo.linesim.control.NotFoundHandler;
import jp.moshisapo.linesim.inbox.Friendships;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.linesim.inbox.Inboxes;
import jp.moshisapo.linesim.messaging.ChannelToken;
import jp.moshisapo.linesim.messaging.Faults;
import jp.moshisapo.linesim.messaging.MessageQuota;
import jp.moshisapo.linesim.messaging.MessagingPlatform;
import jp.moshisapo.linesim.messaging.RichMenus;
import jp.moshisapo.linesim.messaging.Stats;
import jp.moshisapo.linesim.resident.Residents;
import jp.moshisapo.linesim.webhook.SignedWebhook;
import jp.moshisapo.linesim.webhook.WebhookResult;
import jp.moshisapo.linesim.webhook.WebhookSender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * The LINE platform for local runs and tests: serves the Messaging API with LINE's rules on 127.0.0.1, posts
 * signed webhook events for simulated residents, keeps every user's chat, and offers a control API under /sim/.
 * Start it in-process with {@link #start(LineSimulatorConfig)}, or as a process with {@code cli.Main serve}.
 */
public final class LineSimulator implements AutoCloseable {

    static {
        // The JDK server sends headers and body in two TCP writes; with Nagle's algorithm on, the client's delayed
        // ACK stalls every response by ~40 ms (measured: 48 ms vs 2 ms per sequential push). The JDK reads this
        // once, when the JVM's first HttpServer is created; an explicit setting is respected.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** Server threads: handlers never block long (delays are scheduled), but webhook-driving control calls do. */
    private static final int HTTP_THREADS = 32;

    private final AtomicReference<LineSimulatorConfig> config;
    private final HttpServer server;
    private final ExecutorService httpThreads;
    private final ScheduledExecutorService scheduler;
    private final Inboxes inboxes = new Inboxes();
    private final Friendships friendships = new Friendships();
    private final MessagingPlatform messaging;
    private final WebhookSender webhooks;
    private final Residents residents;

    private LineSimulator(LineSimulatorConfig initial) throws IOException {
        this.config = new AtomicReference<>(initial);
        // Loopback only: the simulator has no authentication on /sim/ and must not be reachable from outside.
        // Bound first, so a taken port fails before any thread is started.
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), initial.port()), 1024);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemonThreads("line-sim-timer"));
        this.messaging = new MessagingPlatform(config::get, inboxes, friendships, scheduler);
        this.webhooks = new WebhookSender(config::get);
        this.residents = new Residents(config::get, friendships, inboxes, messaging.replyTokens(), webhooks);
        this.httpThreads = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads("line-sim-http"));
        server.setExecutor(httpThreads);
        server.createContext("/v2/", messaging.handler());
        server.createContext("/v2/bot/richmenu", messaging.richMenuHandler());
        server.createContext("/v2/bot/user/all/richmenu", messaging.richMenuHandler());
        server.createContext("/sim", new ControlApi(this));
        server.createContext("/", new NotFoundHandler());
        server.start();
        config.updateAndGet(c -> c.withPort(server.getAddress().getPort()));
        scheduler.scheduleAtFixedRate(messaging::purgeExpired, 30, 30, TimeUnit.SECONDS);
    }

    /** Starts a simulator; with port 0 it takes a free port (see {@link #baseUrl()}). */
    public static LineSimulator start(LineSimulatorConfig config) {
        try {
            return new LineSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the LINE simulator on 127.0.0.1:" + config.port(), e);
        }
    }

    /** A LINE-format user id ("U" + 32 lowercase hex) derived from a name, the same for the same name. */
    public static String userIdFor(String name) {
        return LineIds.userIdFor(name);
    }

    /** http://127.0.0.1:{port}: the LINE SDK's apiEndPoint, and the base of the control API. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public LineSimulatorConfig config() {
        return config.get();
    }

    public void setWebhookUrl(URI webhookUrl) {
        reconfigure(c -> c.withWebhookUrl(webhookUrl));
    }

    /** Changes limits, credentials, TTLs or the webhook while running; the port stays as it is. */
    public LineSimulatorConfig reconfigure(UnaryOperator<LineSimulatorConfig> change) {
        int port = server.getAddress().getPort();
        LineSimulatorConfig updated = config.updateAndGet(c -> change.apply(c).withPort(port));
        messaging.reconfigure();
        return updated;
    }

    // --- resident actions: each posts one signed webhook event and returns how the webhook answered ---

    /** Shifts the timestamps of {@code userId}'s events (e.g. minus one day: visits recorded "yesterday"). */
    public void setClockOffset(String userId, Duration offset) {
        residents.setClockOffset(LineIds.requireUserId(userId), offset);
    }

    public WebhookResult follow(String userId) {
        return residents.follow(userId, null);
    }

    /** Follow with the display name the profile API will answer. */
    public WebhookResult follow(String userId, String displayName) {
        return residents.follow(userId, displayName);
    }

    public WebhookResult unfollow(String userId) {
        return residents.unfollow(userId);
    }

    public WebhookResult sendText(String userId, String text) {
        return residents.sendText(userId, text);
    }

    public WebhookResult postback(String userId, String data) {
        return residents.postback(userId, data);
    }

    /** What {@link #sendText} would post, signed but not sent: for load generators with their own client. */
    public SignedWebhook signedText(String userId, String text) {
        return residents.signedText(userId, text);
    }

    /** What {@link #postback} would post, signed but not sent. */
    public SignedWebhook signedPostback(String userId, String data) {
        return residents.signedPostback(userId, data);
    }

    /** Opens the QR URL (no redirect following), expects LINE's oaMessage redirect and sends its text. */
    public WebhookResult scan(String userId, URI qrUrl) {
        return residents.scan(userId, qrUrl);
    }

    /** Taps the button with this label in the newest message of the user's chat that has one. */
    public WebhookResult tap(String userId, String label) {
        return residents.tap(userId, label);
    }

    /**
     * Taps area {@code index} of the default rich menu, as the resident's LINE app does: a message action sends
     * its text, a postback action its data, both as signed webhooks; a uri action opens a link (no webhook).
     */
    public WebhookResult tapRichMenu(String userId, int index) {
        RichMenus.RichMenu menu = messaging.richMenus().defaultMenu()
                .orElseThrow(() -> new IllegalStateException("no default rich menu is set"));
        if (index < 0 || index >= menu.areas().size()) {
            throw new IllegalArgumentException("the rich menu has " + menu.areas().size() + " areas");
        }
        com.fasterxml.jackson.databind.JsonNode action = menu.areas().get(index).path("action");
        return switch (action.path("type").asText()) {
            case "message" -> residents.sendText(userId, action.path("text").asText());
            case "postback" -> residents.postback(userId, action.path("data").asText());
            default -> throw new IllegalArgumentException("a " + action.path("type").asText()
                    + " area sends no webhook");
        };
    }

    /** The channel's rich menus and its default one. */
    public RichMenus richMenus() {
        return messaging.richMenus();
    }

    /** Posts a body as given, with the given X-Line-Signature (none when null): forged and malformed requests. */
    public WebhookResult sendRaw(byte[] body, String signatureOrNull) {
        return webhooks.sendRaw(body, signatureOrNull);
    }

    /** Posts an earlier event again with the same webhookEventId and deliveryContext.isRedelivery=true. */
    public WebhookResult redeliver(String webhookEventId) {
        return webhooks.redeliver(webhookEventId);
    }

    // --- what the platform saw ---

    public Faults faults() {
        return messaging.faults();
    }

    /** The channel's monthly message limit and what this month used (LINE's quota endpoints). */
    public MessageQuota quota() {
        return messaging.quota();
    }

    /** Revoke (true) or reissue (false) the channel access token: every Messaging API call answers 401 meanwhile. */
    public ChannelToken token() {
        return messaging.token();
    }

    /** The messages a user (or a group/room a push went to) received, oldest first. */
    public List<InboxMessage> inbox(String userId) {
        return inboxes.inbox(requireLineId(userId));
    }

    public int inboxSize(String userId) {
        return inboxes.size(requireLineId(userId));
    }

    /** Received-message count per user. */
    public Map<String, Integer> inboxCounts() {
        return inboxes.counts();
    }

    /** Recipients reached by the request that accepted this X-Line-Retry-Key (0 if no request did). */
    public int recipientsOf(UUID retryKey) {
        return messaging.recipientsOf(retryKey);
    }

    public Stats stats() {
        return messaging.stats();
    }

    /** Empties every chat (messages and resident lines), keeping counters, keys and follow state. */
    public void clearInbox() {
        inboxes.clear();
    }

    /**
     * Back to a fresh channel: chats, follow state, counters, retry keys, reply tokens, faults, rate buckets, no
     * monthly limit, a valid token.
     */
    public void reset() {
        inboxes.clear();
        friendships.clear();
        messaging.reset();
    }

    /** For the control API and its page. */
    public Inboxes inboxes() {
        return inboxes;
    }

    public Friendships friendships() {
        return friendships;
    }

    @Override
    public void close() {
        server.stop(0);
        httpThreads.shutdownNow();
        scheduler.shutdownNow();
    }

    private static String requireLineId(String id) {
        if (!LineIds.isPushTarget(id)) {
            throw new IllegalArgumentException("not a LINE id (expected U, C or R + 32 lowercase hex characters)");
        }
        return id;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
