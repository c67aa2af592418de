package jp.moshisapo.facility.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.protocol.events.CodeState;

/** One venue found by a staff search: its registration details and every code it was issued, revoked ones too. */
public record VenueHit(UUID id, String name, BusinessType businessType, String municipality, String postalCode,
        String address, String phone, String email, List<Code> codes) {

    /** A code of the venue: a visit may predate a revocation, so revoked codes are listed with their date. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Code(String code, String room, CodeState.Status status, Instant issuedAt, Instant revokedAt) {
    }

    /** A page of results, in a stable order (name, then id); {@code hasMore} says whether page + 1 has any. */
    public record Page(int page, int size, boolean hasMore, List<VenueHit> results) {
    }
}
