package jp.moshisapo.notification.code;

import java.util.UUID;

/**
 * A printed code as facility-service last described it: the venue and room it is posted in, and the venue's
 * business type (null when the record predates it).
 */
public record KnownCode(String code, String status, UUID facilityId, String facilityName, String businessType,
        String room) {
}
