package jp.moshisapo.gateway.allowlist;

import io.netty.util.NetUtil;

/** An IPv4 or IPv6 address range in CIDR notation ({@code 203.0.113.0/24}, {@code 2001:db8::/32}, or one address). */
public record CidrRange(String notation, byte[] network, int prefixLength) {

    public static CidrRange parse(String notation) {
        String text = notation.trim();
        int slash = text.indexOf('/');
        byte[] address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("not an IP address range: " + notation);
        }
        int bits = address.length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not an IP address range: " + notation, e);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("prefix length out of range in " + notation);
            }
        }
        return new CidrRange(text, mask(address, prefix), prefix);
    }

    /** {@code address} as raw bytes (4 or 16); an IPv4 address never matches an IPv6 range and vice versa. */
    public boolean contains(byte[] address) {
        if (address.length != network.length) {
            return false;
        }
        return java.util.Arrays.equals(mask(address, prefixLength), network);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] masked = address.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            masked[i] &= (byte) (0xff << (8 - keep));
        }
        return masked;
    }

    @Override
    public String toString() {
        return notation;
    }

    /** Literal addresses only: parsing never triggers a DNS lookup (this runs on the event loop). */
    static final class IpAddresses {

        private IpAddresses() {
        }

        static byte[] parse(String literal) {
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(literal);
            if (bytes != null && bytes.length == 16 && isIpv4Mapped(bytes)) {
                return java.util.Arrays.copyOfRange(bytes, 12, 16);
            }
            return bytes;
        }

        private static boolean isIpv4Mapped(byte[] bytes) {
            for (int i = 0; i < 10; i++) {
                if (bytes[i] != 0) {
                    return false;
                }
            }
            return bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
        }
    }
}
