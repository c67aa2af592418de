package jp.moshisapo.facility.code;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;

/**
 * A room's code as the API shows it: the printed code ({@code XXXX-XXXX-C}) and, while it is active, where its
 * QR images and poster are.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomView(String code, String room, CodeState.Status status, String qrPngUrl, String qrSvgUrl,
        String posterPdfUrl, Instant issuedAt, Instant revokedAt) {

    public static RoomView of(CodeRecord record, CodeLinks links) {
        PrintedCode code = record.code();
        boolean active = record.active();
        return new RoomView(code.display(), record.room(), record.status(),
                active ? links.qrPng(code) : null, active ? links.qrSvg(code) : null,
                active ? links.poster(code) : null, record.issuedAt(), record.revokedAt());
    }
}
