package jp.moshisapo.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * An RFC 9457 problem the gateway answers itself ({@code application/problem+json}). The gateway never has
 * per-field errors, so {@code errors} is always empty; it is written so clients can rely on the field.
 */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The JSON body; {@code requestId} lets a caller quote the request to support staff. */
    public Buffer toJson(String requestId) {
        JsonObject json = new JsonObject()
                .put("type", type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("errors", new JsonObject());
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json.toBuffer();
    }
}
