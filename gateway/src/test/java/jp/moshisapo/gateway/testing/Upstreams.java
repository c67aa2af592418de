package jp.moshisapo.gateway.testing;

/** The three stand-in services a gateway test runs against. */
public record Upstreams(StubService facility, StubService checkin, StubService notification) {

    public static Upstreams start() {
        return new Upstreams(StubService.start("facility"), StubService.start("checkin"),
                StubService.start("notification"));
    }

    public void reset() {
        facility.reset();
        checkin.reset();
        notification.reset();
    }

    /** True when no service received a request carrying this id. */
    public boolean noneReceived(String requestId) {
        return facility.receivedWithRequestId(requestId).isEmpty()
                && checkin.receivedWithRequestId(requestId).isEmpty()
                && notification.receivedWithRequestId(requestId).isEmpty();
    }

    public void close() {
        facility.close();
        checkin.close();
        notification.close();
    }
}
