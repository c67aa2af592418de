package jp.moshisapo.gateway.route;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTableTest {

    private final RouteTable table = RouteTable.standard(List.of("/", "/assets/*", "/favicon.ico", "/terms"));

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
            "GET,    /,                                  venue-pages,   FACILITY",
            "GET,    /assets/css/form.css,               venue-pages,   FACILITY",
            "GET,    /terms,                             venue-pages,   FACILITY",
            "POST,   /api/facilities,                    registration,  FACILITY",
            "POST,   /api/facilities/,                   registration,  FACILITY",
            "GET,    /api/facilities,                    venue-api,     FACILITY",
            "POST,   /api/management-links,              link-recovery, FACILITY",
            "GET,    /api/management-links,              venue-api,     FACILITY",
            "POST,   /api/facilities/42/rooms,           venue-api,     FACILITY",
            "GET,    /api/codes/ABCD-EFGH-J/qr.png,      code-images,   FACILITY",
            "GET,    /api/codes/ABCD-EFGH-J/poster.pdf,  code-images,   FACILITY",
            "GET,    /c/ABCD-EFGH-J,                     check-in,      FACILITY",
            "POST,   /line/webhook,                      line-webhook,  CHECKIN",
            "GET,    /admin/codes/ABCD-EFGH-J,           staff-codes,   FACILITY",
            "POST,   /admin/cases,                       staff-cases,   NOTIFICATION",
            "POST,   /admin/cases/7/approve,             staff-cases,   NOTIFICATION",
            "POST,   /admin/cases/7/resume,              staff-cases,   NOTIFICATION",
            "GET,    /admin/audit,                       staff-audit,   NOTIFICATION",
            "GET,    /admin/facility-audit,              staff-facility-audit, FACILITY",
            "GET,    /admin/facilities,                  staff-facility-search, FACILITY",
            "GET,    /admin/visit-counts,                staff-visit-counts, NOTIFICATION",
            "GET,    /admin/stats/venues,                staff-stats-venues, FACILITY",
            "GET,    /admin/stats/checkins,              staff-stats,   NOTIFICATION",
            "GET,    /admin/stats/cases,                 staff-stats,   NOTIFICATION",
            "POST,   /admin/notices/42/approve,          staff-notices, FACILITY",
            "GET,    /console/,                          staff-console, GATEWAY",
            "GET,    /console/cases.js,                  staff-console, GATEWAY"})
    void eachPathGoesToTheServiceTheIssueNames(String method, String path, String route, Service service) {
        Route matched = table.match(method, path).orElseThrow();

        assertEquals(route, matched.name());
        assertEquals(service, matched.target());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin", "/admin/", "/admin/users", "/admin/codesx", "/admin/facility-auditx", "/admin/facilitiesx", "/line", "/line/webhook/x",
            "/index.html", "/q/health", "/q/metrics", "/consolex", "/assetsx/a.css", "/terms/x", "/API/x"})
    void everythingElseHasNoRoute(String path) {
        assertEquals(Optional.empty(), table.match("GET", path));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/codes/ABCD-EFGH-J", "/admin/facilities", "/admin/visit-counts",
            "/admin/facility-audit", "/admin/stats/venues", "/admin/stats/checkins"})
    void staffReadsTakeGetOnly(String path) {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
            assertEquals(Optional.empty(), table.match(method, path), method + " " + path);
        }
    }

    @Test
    void onlyAdminRoutesNeedAStaffToken() {
        for (Route route : table.routes()) {
            assertEquals(route.paths().stream().allMatch(p -> p.pattern().startsWith("/admin/")),
                    route.access() == Access.STAFF_TOKEN, route.name());
        }
    }

    @Test
    void venuePagesCannotShadowTheWebhookOrStaffRoutes() {
        assertThrows(IllegalArgumentException.class, () -> RouteTable.standard(List.of("/*")));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.standard(List.of("/admin/x")));
        assertThrows(IllegalArgumentException.class, () -> RouteTable.standard(List.of("/line/*")));
    }

    @Test
    void patternsUseThePermissionSyntaxOnly() {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/c/**"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("/c/*/x"));
        assertThrows(IllegalArgumentException.class, () -> PathPattern.parse("c/*"));
        assertTrue(PathPattern.parse("/c/*").matches("/c"));
    }
}
