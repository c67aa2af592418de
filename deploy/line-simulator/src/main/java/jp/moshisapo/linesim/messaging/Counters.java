package jp.moshisapo.linesim.messaging;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Lock-free counters behind {@link Stats}; LongAdder because every multicast thread bumps them. */
final class Counters {

    private enum Kind { REQUESTS, ACCEPTED, RATE_LIMITED, CONFLICTS, CLIENT_ERRORS, SERVER_ERRORS, RECIPIENTS }

    private final Map<Endpoint, LongAdder[]> byEndpoint = new EnumMap<>(Endpoint.class);
    private final LongAdder blockedSkipped = new LongAdder();

    Counters() {
        for (Endpoint endpoint : Endpoint.values()) {
            LongAdder[] adders = new LongAdder[Kind.values().length];
            for (int i = 0; i < adders.length; i++) {
                adders[i] = new LongAdder();
            }
            byEndpoint.put(endpoint, adders);
        }
    }

    void request(Endpoint endpoint) {
        add(endpoint, Kind.REQUESTS, 1);
    }

    void recipients(Endpoint endpoint, int count) {
        add(endpoint, Kind.RECIPIENTS, count);
    }

    void blockedSkipped(int count) {
        blockedSkipped.add(count);
    }

    void answered(Endpoint endpoint, int status) {
        Kind kind = status < 300 ? Kind.ACCEPTED
                : status == 429 ? Kind.RATE_LIMITED
                : status == 409 ? Kind.CONFLICTS
                : status < 500 ? Kind.CLIENT_ERRORS
                : Kind.SERVER_ERRORS;
        add(endpoint, kind, 1);
    }

    Map<Endpoint, EndpointStats> snapshot() {
        Map<Endpoint, EndpointStats> snapshot = new EnumMap<>(Endpoint.class);
        byEndpoint.forEach((endpoint, a) -> snapshot.put(endpoint, new EndpointStats(
                a[0].sum(), a[1].sum(), a[2].sum(), a[3].sum(), a[4].sum(), a[5].sum(), a[6].sum())));
        return snapshot;
    }

    long blockedSkipped() {
        return blockedSkipped.sum();
    }

    void reset() {
        byEndpoint.values().forEach(adders -> {
            for (LongAdder adder : adders) {
                adder.reset();
            }
        });
        blockedSkipped.reset();
    }

    private void add(Endpoint endpoint, Kind kind, int count) {
        byEndpoint.get(endpoint)[kind.ordinal()].add(count);
    }
}
