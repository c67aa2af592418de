package jp.moshisapo.facility.code;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import jp.moshisapo.facility.config.FacilityConfig;
import jp.moshisapo.protocol.code.PrintedCode;

/**
 * The public addresses (through the gateway) of a code: what the QR encodes and where its images live; and of a
 * venue's management page.
 */
@ApplicationScoped
public class CodeLinks {

    private final String base;

    @Inject
    CodeLinks(FacilityConfig config) {
        this(config.publicBaseUrl());
    }

    public CodeLinks(String publicBaseUrl) {
        this.base = publicBaseUrl.replaceAll("/+$", "");
    }

    /** What the QR code encodes: scanning it opens LINE with the check-in text (see CheckinRedirectResource). */
    public String checkin(PrintedCode code) {
        return base + "/c/" + code.canonical();
    }

    public String qrPng(PrintedCode code) {
        return base + "/api/codes/" + code.canonical() + "/qr.png";
    }

    public String qrSvg(PrintedCode code) {
        return base + "/api/codes/" + code.canonical() + "/qr.svg";
    }

    public String poster(PrintedCode code) {
        return base + "/api/codes/" + code.canonical() + "/poster.pdf";
    }

    /** The token travels in the fragment, which browsers never send to a server (so it stays out of logs). */
    public String management(UUID facilityId, String token) {
        return base + "/manage#facility=" + facilityId + "&token=" + token;
    }

    public String base() {
        return base;
    }
}
