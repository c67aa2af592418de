package jp.moshisapo.linesim.messaging;

import java.util.Locale;
import java.util.Optional;

/** The Messaging API endpoints the services call, each with its own rate limit, counters and faults. */
public enum Endpoint {
    REPLY("POST", "/v2/bot/message/reply"),
    PUSH("POST", "/v2/bot/message/push"),
    MULTICAST("POST", "/v2/bot/message/multicast"),
    PROFILE("GET", "/v2/bot/profile/"),
    QUOTA("GET", "/v2/bot/message/quota"),
    QUOTA_CONSUMPTION("GET", "/v2/bot/message/quota/consumption");

    private final String method;
    private final String path;

    Endpoint(String method, String path) {
        this.method = method;
        this.path = path;
    }

    public String method() {
        return method;
    }

    /** The exact path, or for PROFILE the prefix before the user id. */
    public String path() {
        return path;
    }

    /** Accepts "multicast", "MULTICAST", ... */
    public static Optional<Endpoint> parse(String name) {
        for (Endpoint e : values()) {
            if (e.name().equals(name.toUpperCase(Locale.ROOT))) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
