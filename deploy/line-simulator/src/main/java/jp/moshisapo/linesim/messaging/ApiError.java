package jp.moshisapo.linesim.messaging;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jp.moshisapo.linesim.http.HttpIo;

import java.util.List;
import java.util.Map;

/** An answer the Messaging API gives instead of doing the work, with LINE's error body. */
final class ApiError extends RuntimeException {

    /** One entry of LINE's "details" array. */
    record Detail(String message, String property) {
    }

    final int status;
    final ObjectNode body;
    final Map<String, String> headers;

    private ApiError(int status, ObjectNode body, Map<String, String> headers) {
        super(body.path("message").asText(), null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    private ApiError(int status, ObjectNode body) {
        this(status, body, Map.of());
    }

    /** 409 for a retry key an earlier request already used; LINE names that request in a header. */
    static ApiError conflict(ObjectNode body, String acceptedRequestId) {
        return new ApiError(409, body, Map.of("x-line-accepted-request-id", acceptedRequestId));
    }

    static ApiError of(int status, String message) {
        ObjectNode body = HttpIo.MAPPER.createObjectNode().put("message", message);
        return new ApiError(status, body);
    }

    /** LINE's validation error: {"message":"The request body has N error(s)","details":[...]} */
    static ApiError invalid(List<Detail> details) {
        ObjectNode body = HttpIo.MAPPER.createObjectNode()
                .put("message", "The request body has " + details.size() + " error(s)");
        ArrayNode array = body.putArray("details");
        details.forEach(d -> array.addObject().put("message", d.message()).put("property", d.property()));
        return new ApiError(400, body);
    }

    static ApiError invalid(String message, String property) {
        return invalid(List.of(new Detail(message, property)));
    }
}
