package jp.moshisapo.gateway.allowlist;

import java.util.List;

/** The source ranges allowed on a route; an empty list allows everyone (the list is an option, not a default). */
public record SourceAllowList(List<CidrRange> ranges) {

    public static final SourceAllowList EVERYONE = new SourceAllowList(List.of());

    public static SourceAllowList parse(List<String> notations) {
        return new SourceAllowList(notations.stream().filter(s -> !s.isBlank()).map(CidrRange::parse).toList());
    }

    /** {@code sourceAddress} is the client's literal IP; anything unparseable is refused when a list is set. */
    public boolean allows(String sourceAddress) {
        if (ranges.isEmpty()) {
            return true;
        }
        byte[] address = sourceAddress == null ? null : CidrRange.IpAddresses.parse(sourceAddress);
        if (address == null) {
            return false;
        }
        for (CidrRange range : ranges) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }
}
