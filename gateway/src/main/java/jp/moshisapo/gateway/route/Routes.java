package jp.moshisapo.gateway.route;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import jp.moshisapo.gateway.config.GatewayConfig;

/**
 * The route table with each route's policy from configuration. Startup fails when a route has no policy or a
 * policy names no route: a limit that silently does not apply is worse than a gateway that does not start.
 */
@ApplicationScoped
public class Routes {

    private final RouteTable table;
    private final Map<String, RoutePolicy> policies = new HashMap<>();

    public Routes(GatewayConfig config) {
        this.table = RouteTable.standard(config.venuePages());
        Set<String> unknown = new TreeSet<>(config.routes().keySet());
        for (Route route : table.routes()) {
            GatewayConfig.RoutePolicy configured = config.routes().get(route.name());
            if (configured == null) {
                throw new IllegalStateException("no limits configured for route " + route.name()
                        + " (moshisapo.gateway.routes." + route.name() + ".*)");
            }
            unknown.remove(route.name());
            policies.put(route.name(), new RoutePolicy(
                    configured.maxBodySize().asLongValue(),
                    configured.rate().map(rate -> new RateLimit(rate.capacity(), rate.period())),
                    configured.allowedSources().map(SourceAllowList::parse).orElse(SourceAllowList.EVERYONE)));
        }
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("limits configured for routes that do not exist: " + unknown);
        }
    }

    public RouteTable table() {
        return table;
    }

    public RoutePolicy policy(Route route) {
        return policies.get(route.name());
    }

    /** The longest rate-limit period of any route: how long an idle bucket must be kept. */
    public Duration longestRatePeriod() {
        return policies.values().stream()
                .flatMap(policy -> policy.rate().stream())
                .map(RateLimit::period)
                .max(Duration::compareTo)
                .orElse(Duration.ofMinutes(1));
    }
}
