package jp.moshisapo.gateway.route;

import io.vertx.core.http.impl.HttpUtils;
import java.util.Locale;
import java.util.Optional;

/**
 * The one spelling of a request path that the route table, the permission check and the service all see.
 * Dot segments and doubled slashes are resolved and harmless escapes decoded (the same normalisation Quarkus's
 * permission check uses), and the path forwarded upstream is this one, not the raw one. Paths that services
 * could read differently from the gateway are refused: matrix parameters ({@code ;}), escaped slashes and
 * backslashes, NUL and control characters.
 */
public final class CanonicalPath {

    private CanonicalPath() {
    }

    public static Optional<String> of(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.empty();
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == ';' || c == '\\' || c < 0x20 || c == 0x7f) {
                return Optional.empty();
            }
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00")) {
            return Optional.empty();
        }
        try {
            return Optional.of(HttpUtils.normalizePath(rawPath));
        } catch (IllegalArgumentException malformedEscape) {
            return Optional.empty();
        }
    }
}
