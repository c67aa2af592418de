package jp.moshisapo.stack;

/** One of the four applications: its Maven module, HTTP port and management (health/metrics) port. */
enum Service {
    FACILITY("facility-service", 8081, 9081),
    CHECKIN("checkin-service", 8082, 9082),
    NOTIFICATION("notification-service", 8083, 9083),
    GATEWAY("gateway", 8080, 9080);

    final String module;
    final int httpPort;
    final int managementPort;

    Service(String module, int httpPort, int managementPort) {
        this.module = module;
        this.httpPort = httpPort;
        this.managementPort = managementPort;
    }

    String url() {
        return "http://127.0.0.1:" + httpPort;
    }

    String healthUrl() {
        return "http://127.0.0.1:" + managementPort + "/q/health";
    }
}
