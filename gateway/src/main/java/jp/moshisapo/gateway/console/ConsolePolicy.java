package jp.moshisapo.gateway.console;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's Content-Security-Policy: the gateway's own policy with one addition, the sign-in server's origin
 * in {@code connect-src}, because the page exchanges its authorization code at Keycloak's token endpoint. Scripts
 * and styles stay {@code 'self'} only (no inline code), so an injected string can never run.
 */
public final class ConsolePolicy {

    private ConsolePolicy() {
    }

    public static String of(String gatewayPolicy, String oidcUrl) {
        String origin = origin(oidcUrl);
        List<String> directives = new ArrayList<>();
        boolean connectSeen = false;
        for (String raw : gatewayPolicy.split(";")) {
            String directive = raw.strip();
            if (directive.isEmpty()) {
                continue;
            }
            if (directive.startsWith("connect-src ") || directive.equals("connect-src")) {
                connectSeen = true;
                directive = directive + " " + origin;
            }
            directives.add(directive);
        }
        if (!connectSeen) {
            directives.add("connect-src 'self' " + origin);
        }
        return String.join("; ", directives);
    }

    /** {@code scheme://host[:port]} of an absolute http(s) URL; anything else is a configuration mistake. */
    static String origin(String url) {
        URI uri = URI.create(url.strip());
        String scheme = uri.getScheme();
        if (!("https".equals(scheme) || "http".equals(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("moshisapo.console.oidc-url must be an http(s) URL, not " + url);
        }
        return scheme + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
    }
}
