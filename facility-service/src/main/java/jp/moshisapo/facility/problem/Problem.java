package jp.moshisapo.facility.problem;

import java.util.List;

/** An {@code application/problem+json} body (RFC 9457) with the per-field errors of a rejected input. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field: {@code field} is the JSON name ({@code rooms[2]} for the third room). */
    public record FieldError(String field, String message) {
    }
}
