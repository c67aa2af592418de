package jp.moshisapo.notification.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON request body itself, so that an oversized, broken or wrongly typed body is answered with
 * problem+json: the framework's own reader fails with a bare 400/413 before any exception mapper runs. The bytes
 * must be valid UTF-8 (Jackson would read an overlong sequence such as C0 AF as '/').
 */
@ApplicationScoped
public class JsonBody {

    private final ObjectMapper json;

    JsonBody(ObjectMapper json) {
        this.json = json;
    }

    /** The body as {@code type}, or null for an empty body or JSON {@code null}. */
    public <T> T read(InputStream body, Class<T> type, int maxBytes) {
        String text = utf8(readAtMost(body, maxBytes));
        if (text.isBlank()) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw ProblemMapper.unreadable(e);
        }
    }

    private static byte[] readAtMost(InputStream body, int maxBytes) {
        if (body == null) {
            return new byte[0];
        }
        try {
            byte[] bytes = body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new ProblemException(413, "body-too-large", "Payload too large", Text.of(
                        "リクエスト本文が大きすぎます（上限 " + maxBytes / 1024 + " KB）。",
                        "The request body is too large (at most " + maxBytes / 1024 + " KB)."));
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
            throw new ProblemException(400, "invalid-request", "Invalid request", Text.of(
                    "リクエスト本文が正しい UTF-8 ではありません。", "The request body is not valid UTF-8."),
                    List.of(), Map.of());
        }
    }
}
