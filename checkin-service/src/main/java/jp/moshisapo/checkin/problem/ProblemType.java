package jp.moshisapo.checkin.problem;

/**
 * The kinds of problem this service reports, each with a status, a stable {@code type} URI and an English title:
 * the only HTTP caller is the LINE platform (and operators reading its webhook error log), never a resident.
 */
public enum ProblemType {
    MALFORMED_BODY(400, "malformed-body", "Malformed webhook body",
            "The body is not a LINE webhook request: a JSON object with an events array."),
    INVALID_SIGNATURE(401, "invalid-signature", "Invalid signature",
            "X-Line-Signature is missing or does not match the body and the channel secret."),
    NOT_FOUND(404, "not-found", "Not found", "There is nothing at this address."),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed", "This address does not take this method."),
    NOT_ACCEPTABLE(406, "not-acceptable", "Not acceptable", "This address cannot answer in the requested type."),
    BODY_TOO_LARGE(413, "body-too-large", "Body too large", "The body is larger than this webhook accepts."),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported media type",
            "This address does not take this content type."),
    UNAVAILABLE(503, "unavailable", "Temporarily unavailable",
            "The events could not be stored durably right now; LINE redelivers them later."),
    INTERNAL(500, "internal", "Internal error", "Something went wrong on our side; it has been logged.");

    private static final String BASE = "https://moshisapo.jp/problems/";

    private final int status;
    private final String slug;
    private final String title;
    private final String detail;

    ProblemType(int status, String slug, String title, String detail) {
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.detail = detail;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** The type for an HTTP status the framework raised itself (unknown path, wrong method…). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : MALFORMED_BODY;
    }
}
