package jp.moshisapo.stack;

import java.util.Map;

/**
 * The ports of one stack: fixed, documented ones for {@code ./run-local}, free ones for tests that start a whole
 * stack of their own.
 */
public record Ports(int kafka, int postgres, int keycloak, int simulator, int smtp, int mailInbox,
        Map<App, AppPorts> apps) {

    /** HTTP and management (health/metrics) port of one application. */
    public record AppPorts(int http, int management) {
    }

    /** The ports in README.md and docs/architecture.md. */
    public static Ports standard() {
        return new Ports(19092, 15432, 8180, 8090, 3025, 3080, Map.of(
                App.FACILITY, new AppPorts(8081, 9081),
                App.CHECKIN, new AppPorts(8082, 9082),
                App.NOTIFICATION, new AppPorts(8083, 9083),
                App.GATEWAY, new AppPorts(8080, 9080)));
    }

    /** Free loopback ports, for a stack started by a test. */
    public static Ports free() {
        return new Ports(next(), next(), next(), next(), next(), next(), Map.of(
                App.FACILITY, new AppPorts(next(), next()),
                App.CHECKIN, new AppPorts(next(), next()),
                App.NOTIFICATION, new AppPorts(next(), next()),
                App.GATEWAY, new AppPorts(next(), next())));
    }

    public String url(App app) {
        return "http://127.0.0.1:" + apps.get(app).http();
    }

    public String managementUrl(App app) {
        return "http://127.0.0.1:" + apps.get(app).management();
    }

    public String healthUrl(App app) {
        return managementUrl(app) + "/q/health";
    }

    private static int next() {
        return jp.moshisapo.servers.Ports.free();
    }
}
