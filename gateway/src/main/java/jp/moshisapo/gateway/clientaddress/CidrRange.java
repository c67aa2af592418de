package jp.moshisapo.gateway.clientaddress;

import java.util.Arrays;

/** An IPv4 or IPv6 address range in CIDR notation ({@code 203.0.113.0/24}, {@code 2001:db8::/32}, or one address). */
public record CidrRange(String notation, byte[] network, int prefixLength) {

    public static CidrRange parse(String notation) {
        String text = notation.trim();
        int slash = text.indexOf('/');
        ClientAddress address = ClientAddress.parse(slash < 0 ? text : text.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("not an IP address range: " + notation));
        int bits = address.bytes().length * 8;
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
        return new CidrRange(text, mask(address.bytes(), prefix), prefix);
    }

    /** An IPv4 address never matches an IPv6 range and vice versa; an unknown address matches nothing. */
    public boolean contains(ClientAddress address) {
        byte[] bytes = address.bytes();
        return bytes.length == network.length && Arrays.equals(mask(bytes, prefixLength), network);
    }

    static byte[] mask(byte[] address, int prefix) {
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
}
