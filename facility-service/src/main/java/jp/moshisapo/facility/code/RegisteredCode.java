package jp.moshisapo.facility.code;

import jp.moshisapo.facility.venue.Facility;

/** A code together with the venue it belongs to. */
public record RegisteredCode(CodeRecord code, Facility facility) {
}
