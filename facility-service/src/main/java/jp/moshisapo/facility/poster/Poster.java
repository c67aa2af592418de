package jp.moshisapo.facility.poster;

import jp.moshisapo.protocol.code.PrintedCode;

/** What one poster shows: the venue, the room, the printed code and the URL its QR encodes. */
public record Poster(String facilityName, String room, PrintedCode code, String qrContent) {
}
