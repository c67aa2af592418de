package jp.moshisapo.gateway.route;

/** Who answers a route: one of the three services, or the gateway itself. */
public enum Service {
    FACILITY("facility-service"),
    CHECKIN("checkin-service"),
    NOTIFICATION("notification-service"),
    /** Served by the gateway's own handlers: the staff console ({@code jp.moshisapo.gateway.console}). */
    GATEWAY("gateway");

    private final String displayName;

    Service(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
