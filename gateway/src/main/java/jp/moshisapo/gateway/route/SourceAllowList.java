package jp.moshisapo.gateway.route;

import java.util.List;
import jp.moshisapo.gateway.clientaddress.CidrRange;
import jp.moshisapo.gateway.clientaddress.ClientAddress;

/** The source ranges allowed on a route; an empty list allows everyone (the list is an option, not a default). */
public record SourceAllowList(List<CidrRange> ranges) {

    public static final SourceAllowList EVERYONE = new SourceAllowList(List.of());

    public static SourceAllowList parse(List<String> notations) {
        return new SourceAllowList(notations.stream().filter(s -> !s.isBlank()).map(CidrRange::parse).toList());
    }

    /** An unknown client is refused when a list is set. */
    public boolean allows(ClientAddress client) {
        return ranges.isEmpty() || ranges.stream().anyMatch(range -> range.contains(client));
    }
}
