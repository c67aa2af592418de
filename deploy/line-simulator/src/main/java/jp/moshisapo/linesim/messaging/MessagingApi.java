package jp.moshisapo.linesim.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import jp.moshisapo.linesim.LineIds;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.linesim.http.BodyTooLargeException;
import jp.moshisapo.linesim.http.HttpIo;
import jp.moshisapo.linesim.inbox.Friendships;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.linesim.inbox.Inboxes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The Messaging API endpoints with LINE's rules, checked in LINE's order: authentication, rate limit, body,
 * retry key / reply token; then delivery into the inboxes. Error bodies are LINE's JSON so the SDK parses them.
 */
final class MessagingApi implements HttpHandler {

    private static final Logger LOG = Logger.getLogger(MessagingApi.class.getName());
    private static final int MAX_MULTICAST_RECIPIENTS = 500;
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$");
    static final String RATE_LIMITED = "The API rate limit has been exceeded. Try again later.";

    /** A complete answer: status, LINE JSON body and extra headers. */
    private record Answer(int status, JsonNode body, Map<String, String> headers) {
        static Answer ok(JsonNode body) {
            return new Answer(200, body, Map.of());
        }
    }

    private final Supplier<LineSimulatorConfig> config;
    private final Inboxes inboxes;
    private final Friendships friendships;
    private final RateLimits rateLimits;
    private final RetryKeys retryKeys;
    private final ReplyTokens replyTokens;
    private final Faults faults;
    private final Counters counters;
    private final MessageQuota quota;
    private final ChannelToken token;
    private final ScheduledExecutorService scheduler;

    MessagingApi(Supplier<LineSimulatorConfig> config, Inboxes inboxes, Friendships friendships,
                 RateLimits rateLimits, RetryKeys retryKeys, ReplyTokens replyTokens, Faults faults,
                 Counters counters, MessageQuota quota, ChannelToken token, ScheduledExecutorService scheduler) {
        this.config = config;
        this.inboxes = inboxes;
        this.friendships = friendships;
        this.rateLimits = rateLimits;
        this.retryKeys = retryKeys;
        this.replyTokens = replyTokens;
        this.faults = faults;
        this.counters = counters;
        this.quota = quota;
        this.token = token;
        this.scheduler = scheduler;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        String requestId = LineIds.requestId();
        String path = exchange.getRequestURI().getRawPath();
        Endpoint endpoint = route(path);
        try {
            if (endpoint == null) {
                send(exchange, null, requestId, ApiError.of(404, "Not found"), 0);
                return;
            }
            if (!endpoint.method().equals(exchange.getRequestMethod())) {
                send(exchange, null, requestId, ApiError.of(405, "Method not allowed"), 0);
                return;
            }
            counters.request(endpoint);
            serve(exchange, endpoint, path, requestId);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Messaging API request failed", e);
            send(exchange, endpoint, requestId, ApiError.of(500, "Internal server error"), 0);
        }
    }

    private void serve(HttpExchange exchange, Endpoint endpoint, String path, String requestId) throws IOException {
        long delayMillis = 0;
        try {
            authenticate(exchange, config.get().channelAccessToken(), token);
            if (!rateLimits.tryAcquire(endpoint)) {
                throw ApiError.of(429, RATE_LIMITED);
            }
            Faults.Decision fault = faults.next(endpoint);
            delayMillis = fault.delayMillis();
            if (fault.status() != 0) {
                throw injected(fault.status());
            }
            Answer answer = switch (endpoint) {
                case REPLY -> reply(readJson(exchange));
                case PUSH -> push(readJson(exchange), retryKey(exchange), requestId);
                case MULTICAST -> multicast(readJson(exchange), retryKey(exchange), requestId);
                case PROFILE -> profile(path.substring(Endpoint.PROFILE.path().length()));
                case QUOTA -> quota();
                case QUOTA_CONSUMPTION -> Answer.ok(HttpIo.MAPPER.createObjectNode().put("totalUsage", quota.used()));
            };
            send(exchange, endpoint, requestId, answer, delayMillis);
        } catch (ApiError e) {
            send(exchange, endpoint, requestId, e, delayMillis);
        } catch (BodyTooLargeException e) {
            send(exchange, endpoint, requestId, ApiError.of(413, "Request Entity Too Large"), delayMillis);
        }
    }

    private static Endpoint route(String path) {
        for (Endpoint endpoint : Endpoint.values()) {
            boolean matches = endpoint == Endpoint.PROFILE
                    ? path.startsWith(endpoint.path()) && path.length() > endpoint.path().length()
                    : path.equals(endpoint.path());
            if (matches) {
                return endpoint;
            }
        }
        return null;
    }

    /**
     * LINE's bearer check, shared by every endpoint of the channel (messages, rich menus): the channel's token,
     * and not revoked.
     */
    static void authenticate(HttpExchange exchange, String channelAccessToken, ChannelToken token) {
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw ApiError.of(401,
                    "Authorization header required. Must follow the scheme, 'Authorization: Bearer <ACCESS TOKEN>'");
        }
        byte[] given = header.substring(7).trim().getBytes(StandardCharsets.UTF_8);
        byte[] expected = channelAccessToken.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(given, expected) || token.revoked()) {
            throw ApiError.of(401,
                    "Authentication failed. Confirm that the access token in the authorization header is valid.");
        }
    }

    private static ApiError injected(int status) {
        return switch (status) {
            case 429 -> ApiError.of(429, RATE_LIMITED);
            case 500 -> ApiError.of(500, "Internal server error");
            case 503 -> ApiError.of(503, "Service unavailable");
            default -> ApiError.of(status, "Injected fault " + status);
        };
    }

    private static JsonNode readJson(HttpExchange exchange) throws IOException {
        byte[] raw = HttpIo.readBody(exchange);
        try {
            JsonNode body = HttpIo.MAPPER.readTree(raw);
            if (body != null && body.isObject()) {
                return body;
            }
        } catch (IOException e) {
            // falls through to LINE's syntax error answer
        }
        throw ApiError.of(400, "The request body has syntax errors");
    }

    private static UUID retryKey(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("X-Line-Retry-Key");
        if (value == null) {
            return null;
        }
        if (!CANONICAL_UUID.matcher(value.trim()).matches()) {
            throw ApiError.of(400, "The value of the X-Line-Retry-Key header must be a UUID");
        }
        return UUID.fromString(value.trim());
    }

    private Answer reply(JsonNode body) {
        List<ApiError.Detail> errors = new ArrayList<>();
        JsonNode token = body.path("replyToken");
        if (!token.isTextual() || token.asText().isEmpty()) {
            errors.add(new ApiError.Detail("May not be empty", "replyToken"));
        }
        MessageValidator.validate(body.get("messages"), errors);
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        // Reply requests carry no retry key at LINE: the single-use token already makes a retry harmless.
        String userId = replyTokens.consume(token.asText())
                .orElseThrow(() -> ApiError.of(400, "Invalid reply token"));
        InboxMessage[] messages = inboxMessages(InboxMessage.REPLY, body.get("messages"), null);
        deliver(Endpoint.REPLY, List.of(userId), messages);
        return Answer.ok(sentMessagesBody(body.get("messages").size()));
    }

    private Answer push(JsonNode body, UUID retryKey, String requestId) {
        List<ApiError.Detail> errors = new ArrayList<>();
        JsonNode to = body.path("to");
        if (!to.isTextual() || to.asText().isEmpty()) {
            errors.add(new ApiError.Detail("May not be empty", "to"));
        }
        MessageValidator.validate(body.get("messages"), errors);
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        if (!LineIds.isPushTarget(to.asText())) {
            throw ApiError.of(400, "The property, 'to', in the request body is invalid (line: -, column: -)");
        }
        ObjectNode response = sentMessagesBody(body.get("messages").size());
        RetryKeys.Accepted accepted = acceptRetryKey(retryKey, requestId, response.get("sentMessages"));
        chargeQuota(List.of(to.asText()), body.get("messages").size(), retryKey, accepted);
        InboxMessage[] messages = inboxMessages(InboxMessage.PUSH, body.get("messages"), retryKey);
        int recipients = deliver(Endpoint.PUSH, List.of(to.asText()), messages);
        if (accepted != null) {
            accepted.recipients = recipients;
        }
        return Answer.ok(response);
    }

    private Answer multicast(JsonNode body, UUID retryKey, String requestId) {
        List<ApiError.Detail> errors = new ArrayList<>();
        Set<String> recipients = multicastRecipients(body.get("to"), errors);
        MessageValidator.validate(body.get("messages"), errors);
        if (!errors.isEmpty()) {
            throw ApiError.invalid(errors);
        }
        RetryKeys.Accepted accepted = acceptRetryKey(retryKey, requestId, null);
        chargeQuota(recipients, body.get("messages").size(), retryKey, accepted);
        InboxMessage[] messages = inboxMessages(InboxMessage.MULTICAST, body.get("messages"), retryKey);
        int delivered = deliver(Endpoint.MULTICAST, recipients, messages);
        if (accepted != null) {
            accepted.recipients = delivered;
        }
        return Answer.ok(HttpIo.MAPPER.createObjectNode());
    }

    /** The distinct user ids of a multicast, in order; LINE reaches each user once per request. */
    private static Set<String> multicastRecipients(JsonNode to, List<ApiError.Detail> errors) {
        Set<String> recipients = new LinkedHashSet<>();
        if (to == null || to.isNull()) {
            errors.add(new ApiError.Detail("May not be null", "to"));
        } else if (!to.isArray()) {
            errors.add(new ApiError.Detail("Must be an array", "to"));
        } else if (to.size() < 1 || to.size() > MAX_MULTICAST_RECIPIENTS) {
            errors.add(new ApiError.Detail("Size must be between 1 and " + MAX_MULTICAST_RECIPIENTS, "to"));
        } else {
            for (int i = 0; i < to.size(); i++) {
                String id = to.get(i).asText(null);
                if (LineIds.isUserId(id)) {
                    recipients.add(id);
                } else {
                    errors.add(new ApiError.Detail("Invalid user ID", "to[" + i + "]"));
                }
            }
        }
        return recipients;
    }

    /** Claims the retry key for this request, or answers 409 naming the request that accepted it. */
    private RetryKeys.Accepted acceptRetryKey(UUID retryKey, String requestId, JsonNode sentMessages) {
        if (retryKey == null) {
            return null;
        }
        RetryKeys.Accepted candidate = new RetryKeys.Accepted(requestId, sentMessages);
        retryKeys.acceptOrGetEarlier(retryKey, candidate).ifPresent(earlier -> {
            ObjectNode conflict = HttpIo.MAPPER.createObjectNode().put("message", "The retry key is already accepted");
            if (earlier.sentMessages != null) {
                conflict.set("sentMessages", earlier.sentMessages);
            }
            throw ApiError.conflict(conflict, earlier.requestId);
        });
        return candidate;
    }

    /**
     * Counts the messages against the monthly quota (each message once per recipient who has not blocked the
     * account), or refuses the whole request with LINE's 429: nobody gets anything, and its retry key stays
     * unused so the same request may be sent again once the limit is raised.
     */
    private void chargeQuota(Iterable<String> recipients, int messagesPerRecipient, UUID retryKey,
                             RetryKeys.Accepted accepted) {
        long reached = 0;
        for (String userId : recipients) {
            if (!friendships.isBlocked(userId)) {
                reached++;
            }
        }
        if (!quota.tryConsume(reached * messagesPerRecipient)) {
            if (accepted != null) {
                retryKeys.release(retryKey, accepted);
            }
            throw ApiError.of(429, MessageQuota.MONTHLY_LIMIT_REACHED);
        }
    }

    /** LINE's quota answer: {@code type: none}, or {@code limited} with this month's limit as {@code value}. */
    private Answer quota() {
        Long limit = quota.limit();
        ObjectNode body = HttpIo.MAPPER.createObjectNode().put("type", limit == null ? "none" : "limited");
        if (limit != null) {
            body.put("value", limit);
        }
        return Answer.ok(body);
    }

    private Answer profile(String rawUserId) {
        if (!LineIds.isUserId(rawUserId)) {
            throw ApiError.of(400, "The value for the 'userId' parameter is invalid");
        }
        return friendships.friend(rawUserId)
                .map(friend -> Answer.ok(HttpIo.MAPPER.createObjectNode()
                        .put("displayName", friend.displayName())
                        .put("userId", rawUserId)
                        .put("language", "ja")))
                .orElseThrow(() -> ApiError.of(404, "Not found"));
    }

    /** One shared InboxMessage per message object: a million recipients do not copy the message. */
    private static InboxMessage[] inboxMessages(String via, JsonNode messages, UUID retryKey) {
        Instant now = Instant.now();
        String key = retryKey == null ? null : retryKey.toString();
        InboxMessage[] result = new InboxMessage[messages.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = new InboxMessage(via, now, key, messages.get(i));
        }
        return result;
    }

    /** Delivers to every recipient who has not blocked the account; returns how many were reached. */
    private int deliver(Endpoint endpoint, Iterable<String> recipients, InboxMessage[] messages) {
        int reached = 0;
        int skipped = 0;
        for (String userId : recipients) {
            if (friendships.isBlocked(userId)) {
                skipped++;
            } else {
                inboxes.deliver(userId, messages);
                reached++;
            }
        }
        counters.recipients(endpoint, reached + skipped);
        counters.blockedSkipped(skipped);
        return reached;
    }

    private static ObjectNode sentMessagesBody(int count) {
        ObjectNode body = HttpIo.MAPPER.createObjectNode();
        ArrayNode sent = body.putArray("sentMessages");
        for (int i = 0; i < count; i++) {
            sent.addObject().put("id", LineIds.messageId()).put("quoteToken", LineIds.quoteToken());
        }
        return body;
    }

    private void send(HttpExchange exchange, Endpoint endpoint, String requestId, ApiError error, long delayMillis)
            throws IOException {
        send(exchange, endpoint, requestId, new Answer(error.status, error.body, error.headers), delayMillis);
    }

    private void send(HttpExchange exchange, Endpoint endpoint, String requestId, Answer answer, long delayMillis)
            throws IOException {
        if (endpoint != null) {
            counters.answered(endpoint, answer.status());
        }
        Map<String, String> headers = new HashMap<>(answer.headers());
        headers.put("x-line-request-id", requestId);
        byte[] body = HttpIo.toJson(answer.body());
        if (delayMillis <= 0) {
            HttpIo.send(exchange, answer.status(), HttpIo.JSON, body, headers);
            return;
        }
        // A delayed answer must not hold a server thread: drills delay hundreds of requests at once.
        scheduler.schedule(() -> {
            try {
                HttpIo.send(exchange, answer.status(), HttpIo.JSON, body, headers);
            } catch (IOException e) {
                exchange.close();
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }
}
