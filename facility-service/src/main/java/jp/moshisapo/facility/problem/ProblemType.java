package jp.moshisapo.facility.problem;

/** The kinds of problem this service reports; each has a status and a stable {@code type} URI. */
public enum ProblemType {
    INVALID_INPUT(400, "invalid-input"),
    MALFORMED_BODY(400, "malformed-body"),
    UNAUTHORIZED(401, "unauthorized"),
    FORBIDDEN(403, "forbidden"),
    NOT_FOUND(404, "not-found"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed"),
    NOT_ACCEPTABLE(406, "not-acceptable"),
    BODY_TOO_LARGE(413, "body-too-large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type"),
    INTERNAL(500, "internal"),
    UNAVAILABLE(503, "unavailable");

    private static final String BASE = "https://moshisapo.jp/problems/";

    private final int status;
    private final String slug;

    ProblemType(int status, String slug) {
        this.status = status;
        this.slug = slug;
    }

    public int status() {
        return status;
    }

    public String uri() {
        return BASE + slug;
    }

    /** Text key of the title; the detail defaults to {@code problem.<slug>.detail}. */
    public String titleKey() {
        return "problem." + slug + ".title";
    }

    public String detailKey() {
        return "problem." + slug + ".detail";
    }

    /** The type for an HTTP status the framework raised itself (unknown path, wrong method…). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_BODY) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_INPUT;
    }
}
