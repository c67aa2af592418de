package jp.moshisapo.gateway.route;

import java.util.Optional;

/** What one route allows a client: body size, request rate (empty = unlimited) and source ranges. */
public record RoutePolicy(long maxBodyBytes, Optional<RateLimit> rate, SourceAllowList sources) {
}
