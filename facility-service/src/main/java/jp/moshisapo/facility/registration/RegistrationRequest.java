package jp.moshisapo.facility.registration;

import java.util.List;

/** The JSON the form posts to {@code POST /api/facilities}: raw input, checked by {@link RegistrationValidator}. */
public record RegistrationRequest(String businessType, String scale, String name, String postalCode,
        String address1, String address2, String phone, String email, Boolean termsAccepted,
        Boolean receiveNotices, List<String> rooms) {
}
