package jp.moshisapo.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document ({@code application/problem+json}) as the caller reads it, in one language. Every
 * service and the gateway write the same members: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance} (the path, when known), {@code errors} (always an array of {@code {field, message}}, empty when
 * no single field is to blame) and extension members such as {@code requestId} or {@code unknownCodes} beside them.
 */
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors, Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Where the problem types live: {@code type} is this followed by the kind's slug. */
    public static final String TYPE_BASE = "https://moshisapo.jp/problems/";

    public Problem {
        errors = List.copyOf(errors);
        extensions = Map.copyOf(extensions);
    }

    public static String type(String slug) {
        return TYPE_BASE + slug;
    }

    /**
     * The JSON members in their documented order. The one serialised form: the services hand it to Jackson, the
     * gateway to Vert.x, so both write the same document.
     */
    public Map<String, Object> members() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", type);
        members.put("title", title);
        members.put("status", status);
        members.put("detail", detail);
        if (instance != null) {
            members.put("instance", instance);
        }
        members.put("errors", errors.stream().map(error -> {
            Map<String, Object> member = new LinkedHashMap<>();
            member.put("field", error.field());
            member.put("message", error.message());
            return member;
        }).toList());
        extensions.forEach(members::putIfAbsent);
        return members;
    }
}
