package jp.moshisapo.facility.staff;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.protocol.events.CodeState;

/** What prefecture staff see when a venue reads out its printed code: who to call, and about which room. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StaffCodeView(String code, CodeState.Status status, String room, Instant issuedAt, Instant revokedAt,
        Venue facility) {

    /** The venue's registration details. */
    public record Venue(UUID id, String name, BusinessType businessType, String postalCode, String address,
            String phone, String email) {
    }
}
