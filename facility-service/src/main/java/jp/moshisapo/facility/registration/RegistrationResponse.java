package jp.moshisapo.facility.registration;

import java.util.List;
import java.util.UUID;
import jp.moshisapo.facility.code.RoomView;

/**
 * The 201 answer to a registration. {@code managementToken} appears here and in the confirmation mail only (whose
 * body is cleared once sent): the venue must keep it (or the {@code managementUrl}, which carries it in its
 * fragment) to add rooms or revoke codes later, or ask for a new one by mail.
 */
public record RegistrationResponse(UUID facilityId, String name, String managementToken, String managementUrl,
        List<RoomView> rooms) {
}
