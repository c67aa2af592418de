package jp.moshisapo.facility.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Headers for every answer that carries a management token or what it opens: no browser cache, shared proxy or
 * back button may keep a copy, since whoever holds the token manages the venue. Pragma is for HTTP/1.0 caches
 * that ignore Cache-Control.
 */
public final class NoStore {

    private NoStore() {
    }

    public static Response.ResponseBuilder apply(Response.ResponseBuilder response) {
        return response.header(HttpHeaders.CACHE_CONTROL, "no-store").header("Pragma", "no-cache");
    }
}
