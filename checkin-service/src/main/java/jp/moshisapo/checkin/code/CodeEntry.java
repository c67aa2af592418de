package jp.moshisapo.checkin.code;

import java.util.UUID;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;

/** This service's knowledge of one printed code, from the latest {@link CodeState} on facility.codes.v1. */
public record CodeEntry(PrintedCode code, CodeState.Status status, UUID facilityId, String facilityName,
        String room) {

    public boolean isActive() {
        return status == CodeState.Status.ACTIVE;
    }
}
