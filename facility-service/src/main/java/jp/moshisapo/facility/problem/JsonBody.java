package jp.moshisapo.facility.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a JSON request body with a size limit of its own, so an oversized or broken body gets a problem+json
 * answer (413 / 400 with the offending field) instead of the framework's bare error page.
 */
@ApplicationScoped
public class JsonBody {

    private final ObjectMapper json;

    JsonBody(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(InputStream body, Class<T> type, int maxBytes) {
        byte[] bytes = readAtMost(body, maxBytes);
        if (bytes.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.body.empty", List.of());
        }
        try {
            T value = json.readValue(bytes, type);
            if (value == null) {
                throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.body.empty", List.of());
            }
            return value;
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            if (field.isEmpty() && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
                // More after the document (StrictJson): the body as a whole is not one JSON document.
                throw new ProblemException(ProblemType.MALFORMED_BODY, ProblemType.MALFORMED_BODY.detailKey(),
                        List.of());
            }
            if (field.isEmpty()) {
                throw new ProblemException(ProblemType.MALFORMED_BODY, "problem.body.not-an-object", List.of());
            }
            throw ProblemException.invalid(FieldProblem.of(field, "field.wrong-type"));
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, ProblemType.MALFORMED_BODY.detailKey(),
                    List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAtMost(InputStream body, int maxBytes) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw ProblemException.of(ProblemType.BODY_TOO_LARGE);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
