package jp.moshisapo.facility.registration;

import java.util.List;
import jp.moshisapo.facility.code.CodeRecord;
import jp.moshisapo.facility.venue.Facility;

/** A completed registration: the venue, its first codes, and the management token (the only time it exists). */
public record Registration(Facility facility, String managementToken, List<CodeRecord> codes) {
}
