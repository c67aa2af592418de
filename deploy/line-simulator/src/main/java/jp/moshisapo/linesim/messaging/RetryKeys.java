package jp.moshisapo.linesim.messaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * X-Line-Retry-Key bookkeeping: a key is remembered only once its request was accepted, for 24 hours, so a
 * request that got 429 or 5xx can be retried with the same key, and a retry of an accepted one gets 409.
 */
final class RetryKeys {

    /** LINE keeps accepted retry keys for 24 hours. */
    static final Duration RETENTION = Duration.ofHours(24);

    /** The request that accepted a key; recipients is filled in once its delivery finished. */
    static final class Accepted {
        final String requestId;
        final long acceptedAtNanos;
        final JsonNode sentMessages;
        volatile int recipients;

        Accepted(String requestId, JsonNode sentMessages) {
            this.requestId = requestId;
            this.acceptedAtNanos = System.nanoTime();
            this.sentMessages = sentMessages;
        }

        boolean expired(long nowNanos) {
            return nowNanos - acceptedAtNanos > RETENTION.toNanos();
        }
    }

    private final ConcurrentHashMap<UUID, Accepted> accepted = new ConcurrentHashMap<>();

    /**
     * Atomically accepts the key for this request, or returns the earlier request that already holds it; two
     * concurrent requests with one key can therefore never both be delivered.
     */
    Optional<Accepted> acceptOrGetEarlier(UUID key, Accepted candidate) {
        long now = System.nanoTime();
        Accepted[] earlier = new Accepted[1];
        accepted.compute(key, (k, existing) -> {
            if (existing != null && !existing.expired(now)) {
                earlier[0] = existing;
                return existing;
            }
            return candidate;
        });
        return Optional.ofNullable(earlier[0]);
    }

    /** Forgets a key this request took but was then refused for (the monthly limit): it was never accepted. */
    void release(UUID key, Accepted taken) {
        accepted.remove(key, taken);
    }

    /** Recipients delivered under this key (0 when the key was never accepted). */
    int recipientsOf(UUID key) {
        Accepted a = accepted.get(key);
        return a == null ? 0 : a.recipients;
    }

    void purgeExpired() {
        long now = System.nanoTime();
        accepted.values().removeIf(a -> a.expired(now));
    }

    void clear() {
        accepted.clear();
    }
}
