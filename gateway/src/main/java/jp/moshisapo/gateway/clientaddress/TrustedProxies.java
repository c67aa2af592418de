package jp.moshisapo.gateway.clientaddress;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The proxies whose {@code X-Forwarded-For} the gateway believes ({@code GATEWAY_TRUSTED_PROXIES}; none by
 * default). Each proxy appends the address it saw to that header, so only the entries on its right were written
 * by someone trusted: the client is the rightmost entry that is not itself a trusted proxy. Everything to its
 * left was sent by the client and may be made up.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<CidrRange> ranges;

    private TrustedProxies(List<CidrRange> ranges) {
        this.ranges = ranges;
    }

    /** CIDR notations; a malformed one throws, so the gateway does not start with a list it misread. */
    public static TrustedProxies parse(List<String> notations) {
        return new TrustedProxies(notations.stream().filter(s -> !s.isBlank()).map(CidrRange::parse).toList());
    }

    public boolean trusts(ClientAddress address) {
        for (CidrRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client behind a connection from {@code peer} that carried these {@code X-Forwarded-For} header lines
     * (in the order received). An untrusted peer's header is ignored. Should a trusted hop have written
     * something that is not an address, nothing left of it can be placed, so the nearest trusted hop counts as
     * the client; when every hop is trusted, the leftmost is.
     */
    public ClientAddress clientOf(ClientAddress peer, List<String> forwardedFor) {
        ClientAddress client = peer;
        if (!trusts(peer)) {
            return client;
        }
        List<String> hops = hops(forwardedFor);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<ClientAddress> hop = ClientAddress.parse(hops.get(i));
            if (hop.isEmpty()) {
                return client;
            }
            client = hop.get();
            if (!trusts(client)) {
                return client;
            }
        }
        return client;
    }

    private static List<String> hops(List<String> headerLines) {
        List<String> hops = new ArrayList<>();
        for (String line : headerLines) {
            for (String hop : line.split(",", -1)) {
                hops.add(hop.trim());
            }
        }
        return hops;
    }

    @Override
    public String toString() {
        return ranges.toString();
    }
}
