package jp.moshisapo.facility.registration;

import java.util.List;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.facility.venue.PostalCode;
import jp.moshisapo.facility.venue.ScaleBand;

/** A registration that passed every check: what gets stored, plus the rooms to issue codes for. */
public record NewFacility(BusinessType businessType, ScaleBand scale, String name, PostalCode postalCode,
        String address1, String address2, String phone, String email, boolean receiveNotices, List<String> rooms) {
}
