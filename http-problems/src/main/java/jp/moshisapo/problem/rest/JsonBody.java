package jp.moshisapo.problem.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import jp.moshisapo.problem.InvalidField;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.problem.Problems;

/**
 * Reads a JSON request body itself, with a size limit of its own, so that an oversized, empty, broken or wrongly
 * typed body is answered with problem+json naming the field: the framework's reader fails with a bare 400/413
 * before any exception mapper runs. The bytes must be valid UTF-8 (Jackson would read an overlong sequence such
 * as C0 AF as '/'), and an empty body or JSON {@code null} is refused, never handed on as null.
 */
@ApplicationScoped
public class JsonBody {

    private final ObjectMapper json;

    JsonBody(ObjectMapper json) {
        this.json = json;
    }

    /** The body as {@code type}; never null. */
    public <T> T read(InputStream body, Class<T> type, int maxBytes) {
        String text = utf8(readAtMost(body, maxBytes));
        if (text.isBlank()) {
            throw new ProblemException(Problems.emptyBody());
        }
        T value;
        try {
            value = json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
        if (value == null) {
            throw new ProblemException(Problems.emptyBody());
        }
        return value;
    }

    /**
     * A body that is not JSON, or JSON of the wrong shape: 400, naming the field when one is to blame (an unknown
     * member, a value of the wrong type), otherwise saying what is wrong with the body as a whole.
     */
    public static ProblemException unreadable(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ProblemException.invalid(InvalidField.of(path(unknown), Problems.unknownField()));
        }
        if (e instanceof MismatchedInputException mismatched) {
            if (!mismatched.getPath().isEmpty()) {
                return ProblemException.invalid(InvalidField.of(path(mismatched), Problems.wrongType()));
            }
            if (!String.valueOf(mismatched.getOriginalMessage()).startsWith("Trailing token")) {
                return new ProblemException(Problems.notAnObject());
            }
        }
        // Not JSON, or more after the document (StrictJson): the body as a whole is not one JSON document.
        return new ProblemException(Problems.notJson());
    }

    /** The JSON path of the member at fault: {@code rooms[2]}, {@code window.to}. */
    static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }

    private static byte[] readAtMost(InputStream body, int maxBytes) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ProblemException(Problems.bodyTooLarge(maxBytes));
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ProblemException(Problems.notUtf8());
        }
    }
}
