package jp.moshisapo.linesim.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.moshisapo.linesim.http.HttpIo;

import java.util.Map;

/** A control API error, answered as application/problem+json (RFC 9457) like the rest of the system. */
final class Problem extends RuntimeException {

    final int status;
    final String title;
    final Map<String, String> fieldErrors;

    Problem(int status, String title, String detail, Map<String, String> fieldErrors) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.fieldErrors = fieldErrors;
    }

    static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail, Map.of());
    }

    static Problem invalidField(String field, String message) {
        return new Problem(400, "Bad Request", "The request body has an invalid field: " + field,
                Map.of(field, message));
    }

    static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail, Map.of());
    }

    ObjectNode toJson() {
        ObjectNode body = HttpIo.MAPPER.createObjectNode()
                .put("type", "about:blank")
                .put("title", title)
                .put("status", status)
                .put("detail", getMessage());
        if (!fieldErrors.isEmpty()) {
            ArrayNode errors = body.putArray("errors");
            fieldErrors.forEach((field, message) -> errors.addObject().put("field", field).put("message", message));
        }
        return body;
    }
}
