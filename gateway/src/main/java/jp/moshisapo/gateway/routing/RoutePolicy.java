package jp.moshisapo.gateway.routing;

import java.util.Optional;
import jp.moshisapo.gateway.allowlist.SourceAllowList;
import jp.moshisapo.gateway.ratelimit.RateLimit;

/** What one route allows a client: body size, request rate (empty = unlimited) and source ranges. */
public record RoutePolicy(long maxBodyBytes, Optional<RateLimit> rate, SourceAllowList sources) {
}
