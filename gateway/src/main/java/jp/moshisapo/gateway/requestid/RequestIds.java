package jp.moshisapo.gateway.requestid;

import io.vertx.ext.web.RoutingContext;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Request ids: an incoming {@code X-Request-Id} is kept only if it is short and plain (it ends up in every log
 * line of every service, so it must not be able to forge log lines or carry data); otherwise a new one is made.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    /** The key the services' log format prints ({@code %X{requestId}}). */
    public static final String MDC_KEY = "requestId";
    static final String CONTEXT_KEY = "moshisapo.requestId";

    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._-]{8,64}");

    private RequestIds() {
    }

    /** The incoming id if it is sane, else empty. */
    public static Optional<String> sanitise(String incoming) {
        return incoming != null && SANE.matcher(incoming).matches() ? Optional.of(incoming) : Optional.empty();
    }

    /** A fresh id: 32 hex digits. Not a secret, so a fast non-cryptographic generator is enough. */
    public static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return hex(random.nextLong()) + hex(random.nextLong());
    }

    /** The id of the request being handled, or null before {@link RequestIdHandler} ran. */
    public static String of(RoutingContext ctx) {
        return ctx.get(CONTEXT_KEY);
    }

    private static String hex(long value) {
        String digits = Long.toHexString(value);
        return "0".repeat(16 - digits.length()) + digits;
    }
}
