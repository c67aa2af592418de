package jp.moshisapo.facility.code;

import java.time.Instant;
import java.util.UUID;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;

/** One printed code: the room it is posted in and whether residents may still check in with it. */
public record CodeRecord(PrintedCode code, UUID facilityId, String room, int position, CodeState.Status status,
        Instant issuedAt, Instant revokedAt) {

    public boolean active() {
        return status == CodeState.Status.ACTIVE;
    }
}
