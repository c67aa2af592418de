package jp.moshisapo.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where the gateway forwards to and what it lets through ({@code moshisapo.gateway.*}). */
@ConfigMapping(prefix = "moshisapo.gateway")
public interface GatewayConfig {

    String facilityUrl();

    String checkinUrl();

    String notificationUrl();

    /**
     * Exact paths and {@code /prefix/*} prefixes of the venue web pages served by facility-service (the form at
     * {@code /}, its assets, the terms page); the same list is what {@code quarkus.http.auth.permission} opens.
     */
    List<String> venuePages();

    /**
     * Proxies (CIDRs) whose {@code X-Forwarded-For} is believed: in a cluster, the ingress controller's pods.
     * Absent, no one's is, and the connection's peer is the client.
     */
    Optional<List<String>> trustedProxies();

    Upstream upstream();

    /** Limits per route name of {@code jp.moshisapo.gateway.routing.RouteTable}; every route must have one. */
    Map<String, RoutePolicy> routes();

    Headers headers();

    /** How the gateway talks to the services. */
    interface Upstream {

        /** A service that does not accept the connection in this time counts as down (502). */
        @WithDefault("2S")
        Duration connectTimeout();

        /** A service that sends nothing for this long counts as stalled (504); also bounds gaps in a stream. */
        @WithDefault("30S")
        Duration responseTimeout();

        /**
         * Keep-alive connections per service, shared out among the event loops (each has its own pools, of at
         * least one connection); more requests wait in the pool's queue.
         */
        @WithDefault("64")
        int maxConnections();
    }

    /** What one route allows a single client. */
    interface RoutePolicy {

        /** Larger request bodies are refused with 413 (Content-Length up front, streamed bytes counted). */
        @WithConverter(MemorySizeConverter.class)
        MemorySize maxBodySize();

        /** Token bucket per client; absent = unlimited. */
        Optional<RateLimit> rate();

        /** When set, only these source ranges (CIDR) may use the route; others get 403. */
        Optional<List<String>> allowedSources();
    }

    /** {@code capacity} requests per {@code period}, refilled continuously (a burst of {@code capacity} is fine). */
    interface RateLimit {

        long capacity();

        Duration period();
    }

    /** Security headers put on every response. */
    interface Headers {

        /** Used when the service did not send its own policy (a service page may carry script hashes). */
        String contentSecurityPolicy();

        /** HSTS only makes sense behind TLS; off for local http. */
        @WithDefault("false")
        boolean hsts();

        @WithDefault("365D")
        Duration hstsMaxAge();

        @WithDefault("no-referrer")
        String referrerPolicy();

        @WithDefault("camera=(), microphone=(), geolocation=(), payment=()")
        String permissionsPolicy();
    }
}
