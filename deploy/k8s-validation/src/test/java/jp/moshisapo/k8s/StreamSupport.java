package jp.moshisapo.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;

/** Streams over JSON arrays. */
final class StreamSupport {

    private StreamSupport() {
    }

    static Stream<JsonNode> of(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
    }
}
