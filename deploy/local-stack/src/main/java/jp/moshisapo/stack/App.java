package jp.moshisapo.stack;

/** The four applications, by Maven module, in start order (the gateway last, once its upstreams exist). */
public enum App {
    FACILITY("facility-service"),
    CHECKIN("checkin-service"),
    NOTIFICATION("notification-service"),
    GATEWAY("gateway");

    public final String module;

    App(String module) {
        this.module = module;
    }
}
