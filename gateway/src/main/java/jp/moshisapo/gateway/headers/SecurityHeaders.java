package jp.moshisapo.gateway.headers;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import jp.moshisapo.gateway.config.GatewayConfig;

/**
 * The security headers every response leaves with, whoever wrote it (a service, the proxy's 502, Quarkus's 401).
 * Cross-origin reads stay closed: the gateway never grants CORS and removes any grant a service sends.
 */
@ApplicationScoped
public class SecurityHeaders {

    private static final String CSP = "Content-Security-Policy";
    private static final List<String> CORS_GRANTS = List.of("Access-Control-Allow-Origin",
            "Access-Control-Allow-Credentials", "Access-Control-Allow-Methods", "Access-Control-Allow-Headers",
            "Access-Control-Expose-Headers", "Access-Control-Max-Age");

    private final String contentSecurityPolicy;
    private final String referrerPolicy;
    private final String permissionsPolicy;
    private final String strictTransportSecurity;

    public SecurityHeaders(GatewayConfig config) {
        GatewayConfig.Headers headers = config.headers();
        this.contentSecurityPolicy = headers.contentSecurityPolicy();
        this.referrerPolicy = headers.referrerPolicy();
        this.permissionsPolicy = headers.permissionsPolicy();
        this.strictTransportSecurity = headers.hsts()
                ? "max-age=" + headers.hstsMaxAge().toSeconds() + "; includeSubDomains"
                : null;
    }

    public void apply(MultiMap headers) {
        // a service's own policy wins: it is the one that can list the hashes of its page's scripts
        if (!headers.contains(CSP)) {
            headers.set(CSP, contentSecurityPolicy);
        }
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", referrerPolicy);
        headers.set("Permissions-Policy", permissionsPolicy);
        if (strictTransportSecurity != null) {
            headers.set("Strict-Transport-Security", strictTransportSecurity);
        }
        for (String grant : CORS_GRANTS) {
            headers.remove(grant);
        }
        headers.remove(HttpHeaders.SERVER);
    }
}
