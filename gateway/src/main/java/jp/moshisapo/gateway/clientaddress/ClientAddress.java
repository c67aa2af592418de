package jp.moshisapo.gateway.clientaddress;

import io.netty.util.NetUtil;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.Optional;

/**
 * The address of the client behind a request, as far as the gateway can trust it ({@link TrustedProxies}): the one
 * key for rate limits, source allow-lists and the X-Forwarded-For the services get.
 */
public final class ClientAddress {

    /** A peer without an IP address (never the case on TCP); it matches no range and shares one bucket. */
    public static final ClientAddress UNKNOWN = new ClientAddress(new byte[0]);
    static final String CONTEXT_KEY = "moshisapo.clientAddress";
    /** One IPv6 subscriber gets a whole /64 and can pick any address in it, so that is the unit that is counted. */
    private static final int IPV6_CLIENT_PREFIX = 64;

    private final byte[] bytes;

    private ClientAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A literal IPv4 or IPv6 address; never a DNS lookup (this runs on the event loop). IPv4-mapped IPv6 is IPv4. */
    public static Optional<ClientAddress> parse(String literal) {
        if (literal == null || literal.isEmpty()) {
            return Optional.empty();
        }
        byte[] parsed = NetUtil.createByteArrayFromIpAddressString(literal);
        if (parsed == null) {
            return Optional.empty();
        }
        if (parsed.length == 16 && isIpv4Mapped(parsed)) {
            parsed = Arrays.copyOfRange(parsed, 12, 16);
        }
        return Optional.of(new ClientAddress(parsed));
    }

    /** The address {@link ClientAddressHandler} settled on for this request. */
    public static ClientAddress of(RoutingContext ctx) {
        ClientAddress address = ctx.get(CONTEXT_KEY);
        return address == null ? UNKNOWN : address;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The address as written in logs and headers ({@code 192.0.2.1}, {@code 2001:db8::1}). */
    public String literal() {
        return bytes.length == 0 ? "unknown" : NetUtil.bytesToIpAddress(bytes);
    }

    /** Whose bucket a request counts against: an IPv4 address, or the /64 an IPv6 address belongs to. */
    public String rateLimitKey() {
        if (bytes.length != 16) {
            return literal();
        }
        return NetUtil.bytesToIpAddress(CidrRange.mask(bytes, IPV6_CLIENT_PREFIX)) + "/" + IPV6_CLIENT_PREFIX;
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ClientAddress that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return literal();
    }
}
