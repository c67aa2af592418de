package jp.moshisapo.gateway.problem;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/**
 * An RFC 9457 problem the gateway answers itself ({@code application/problem+json}), in Japanese, or in English for
 * a client that prefers it (the staff console at {@code ?lang=en}). The gateway never has per-field errors, so
 * {@code errors} is always empty; it is written so clients can rely on the field.
 */
public record Problem(String type, int status, String title, String detail, String englishTitle,
        String englishDetail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The JSON body; {@code requestId} lets a caller quote the request to support staff. */
    public Buffer toJson(String requestId, boolean english) {
        JsonObject json = new JsonObject()
                .put("type", type)
                .put("title", english ? englishTitle : title)
                .put("status", status)
                .put("detail", english ? englishDetail : detail)
                .put("errors", new JsonObject());
        if (requestId != null) {
            json.put("requestId", requestId);
        }
        return json.toBuffer();
    }

    /** True when the first of Japanese and English in {@code Accept-Language} is English; Japanese otherwise. */
    public static boolean prefersEnglish(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-", 2)[0];
                if (range.getWeight() > 0 && (language.equals("ja") || language.equals("en"))) {
                    return language.equals("en");
                }
            }
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        return false;
    }
}
