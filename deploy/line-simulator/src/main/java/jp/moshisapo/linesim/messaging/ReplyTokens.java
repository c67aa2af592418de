package jp.moshisapo.linesim.messaging;

import jp.moshisapo.linesim.LineIds;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Reply tokens handed out with webhook events: each is valid once, for the user of its event, until it expires. */
public final class ReplyTokens {

    private record Issued(String userId, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<String, Issued> issued = new ConcurrentHashMap<>();

    public String issue(String userId, Duration ttl) {
        String token = LineIds.replyToken();
        issued.put(token, new Issued(userId, System.nanoTime() + ttl.toNanos()));
        return token;
    }

    /** Uses the token up and returns its user, or empty when it is unknown, already used or expired. */
    Optional<String> consume(String token) {
        Issued found = token == null ? null : issued.remove(token);
        if (found == null || System.nanoTime() - found.expiresAtNanos > 0) {
            return Optional.empty();
        }
        return Optional.of(found.userId());
    }

    /** True while the token could still be used; does not use it up. */
    boolean isValid(String token) {
        Issued found = token == null ? null : issued.get(token);
        return found != null && System.nanoTime() - found.expiresAtNanos <= 0;
    }

    void purgeExpired() {
        long now = System.nanoTime();
        issued.values().removeIf(i -> now - i.expiresAtNanos > 0);
    }

    void clear() {
        issued.clear();
    }
}
