package jp.moshisapo.facility.management;

import java.util.UUID;

/** {@code POST /api/facilities/{id}/management-token}: the venue's new token and link, shown this once. */
public record NewManagementLink(UUID facilityId, String managementToken, String managementUrl) {
}
