package jp.moshisapo.notification.code;

import java.util.UUID;

/** A printed code as facility-service last described it: the venue and room it is posted in. */
public record KnownCode(String code, String status, UUID facilityId, String facilityName, String room) {
}
