package jp.moshisapo.gateway.route;

import static jp.moshisapo.gateway.route.Access.PUBLIC;
import static jp.moshisapo.gateway.route.Access.STAFF_TOKEN;
import static jp.moshisapo.gateway.route.Service.CHECKIN;
import static jp.moshisapo.gateway.route.Service.FACILITY;
import static jp.moshisapo.gateway.route.Service.GATEWAY;
import static jp.moshisapo.gateway.route.Service.NOTIFICATION;

import java.util.List;
import java.util.Optional;

/**
 * Which service answers which path: the only paths the public can reach. Anything not listed is 404 at the
 * gateway. First match wins, so a narrow route (venue registration) comes before the wide one that contains it.
 */
public final class RouteTable {

    private final List<Route> routes;

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The table of issue #6; {@code venuePages} are the web form's pages and assets ({@code moshisapo.gateway.venue-pages}). */
    public static RouteTable standard(List<String> venuePages) {
        for (String page : venuePages) {
            if (page.equals("/*") || page.startsWith("/admin") || page.startsWith("/line")) {
                throw new IllegalArgumentException("venue page " + page + " would shadow another route");
            }
        }
        return new RouteTable(List.of(
                // 10 per minute per IP: a venue registers once; a script registering thousands is not a venue
                Route.of("registration", "POST", FACILITY, PUBLIC, List.of("/api/facilities")),
                // 「管理用リンクを再送する」: each request may mail venues; 10 an hour per IP, beside facility-service's
                // own limit per address
                Route.of("link-recovery", "POST", FACILITY, PUBLIC, List.of("/api/management-links")),
                Route.of("code-images", null, FACILITY, PUBLIC, List.of("/api/codes/*")),
                Route.of("venue-api", null, FACILITY, PUBLIC, List.of("/api/*")),
                Route.of("check-in", null, FACILITY, PUBLIC, List.of("/c/*")),
                Route.of("line-webhook", null, CHECKIN, PUBLIC, List.of("/line/webhook")),
                // staff reads: GET only, so no other method reaches the service at all (deny unless allowed)
                Route.of("staff-codes", "GET", FACILITY, STAFF_TOKEN, List.of("/admin/codes/*")),
                // venue search by name, phone, address, postal code or code fragment (audited by facility-service)
                Route.of("staff-facility-search", "GET", FACILITY, STAFF_TOKEN, List.of("/admin/facilities/*")),
                // check-ins per day per code, counts only (notification-service's visit store)
                Route.of("staff-visit-counts", "GET", NOTIFICATION, STAFF_TOKEN, List.of("/admin/visit-counts/*")),
                Route.of("staff-cases", null, NOTIFICATION, STAFF_TOKEN, List.of("/admin/cases/*")),
                Route.of("staff-audit", null, NOTIFICATION, STAFF_TOKEN, List.of("/admin/audit/*")),
                // who read which venue's contact data (facility-service's own audit log)
                Route.of("staff-facility-audit", "GET", FACILITY, STAFF_TOKEN, List.of("/admin/facility-audit/*")),
                // statistics: each service answers for its own data (venues here, the rest where visits live)
                Route.of("staff-stats-venues", "GET", FACILITY, STAFF_TOKEN, List.of("/admin/stats/venues")),
                Route.of("staff-stats", "GET", NOTIFICATION, STAFF_TOKEN, List.of("/admin/stats/*")),
                // the prefecture's notices to venues that opted in (facility-service, four eyes)
                Route.of("staff-notices", null, FACILITY, STAFF_TOKEN, List.of("/admin/notices/*")),
                // The staff console: static pages served by the gateway itself (jp.moshisapo.gateway.console), same
                // origin as /admin, so its bearer-token calls need no CORS. Public: the page holds no data.
                Route.of("staff-console", null, GATEWAY, PUBLIC, List.of("/console/*")),
                Route.of("venue-pages", null, FACILITY, PUBLIC, venuePages)));
    }

    /** The route for a canonical path ({@link CanonicalPath}), or empty: not found. */
    public Optional<Route> match(String method, String canonicalPath) {
        for (Route route : routes) {
            if (route.matches(method, canonicalPath)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    public List<Route> routes() {
        return routes;
    }
}
