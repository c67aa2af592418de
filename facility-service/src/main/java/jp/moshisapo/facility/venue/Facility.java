package jp.moshisapo.facility.venue;

import java.time.Instant;
import java.util.UUID;

/** A registered venue or event, as the venue entered it (validated). */
public record Facility(UUID id, BusinessType businessType, ScaleBand scale, String name, PostalCode postalCode,
        String address1, String address2, String phone, String email, boolean receiveNotices, Instant createdAt) {
}
