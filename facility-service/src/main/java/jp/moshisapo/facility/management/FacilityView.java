package jp.moshisapo.facility.management;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import jp.moshisapo.facility.code.RoomView;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.facility.venue.ScaleBand;

/** A venue as its manager sees it, with every code it was ever issued (revoked ones included). */
public record FacilityView(UUID facilityId, String name, BusinessType businessType, ScaleBand scale,
        String postalCode, String address1, String address2, String phone, String email, boolean receiveNotices,
        Instant createdAt, String allPostersPdfUrl, String tableCardsPdfUrl, List<RoomView> rooms) {
}
