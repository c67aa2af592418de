package jp.moshisapo.checkin.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a verified webhook body ({@code {"destination": …, "events": [ … ]}}) into its events, each kept as the
 * exact bytes LINE sent. Only the envelope is checked here (one streaming pass, no object tree): what an event
 * means is decided when it is processed, where unknown types are ignored.
 */
public final class WebhookBody {

    private final JsonFactory json;

    public WebhookBody(JsonFactory json) {
        this.json = json;
    }

    /** The events of the body; throws a 400 problem for anything that is not a LINE webhook body. */
    public List<AcceptedEvent> events(byte[] body) {
        requireUtf8(body);
        try (JsonParser parser = json.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw WebhookProblems.malformed("", "must be a JSON object");
            }
            List<AcceptedEvent> events = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("events".equals(field)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw WebhookProblems.malformed("events", "must be an array");
                    }
                    events = events(parser, body);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw WebhookProblems.malformed("", "not valid JSON");
            }
            if (events == null) {
                throw WebhookProblems.malformed("events", "must be an array");
            }
            return events;
        } catch (JsonProcessingException e) {
            throw WebhookProblems.malformed("", "not valid JSON");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * LINE sends UTF-8; Jackson's byte parser is lenient and would read an overlong sequence (C0 AF) as '/', so the
     * bytes are checked first with a decoder that reports every malformed sequence.
     */
    private static void requireUtf8(byte[] body) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body));
        } catch (CharacterCodingException e) {
            throw WebhookProblems.malformed("", "not valid UTF-8");
        }
    }

    private static List<AcceptedEvent> events(JsonParser parser, byte[] body) throws IOException {
        List<AcceptedEvent> events = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            events.add(event(parser, body, "events[" + events.size() + "]"));
        }
        return events;
    }

    private static AcceptedEvent event(JsonParser parser, byte[] body, String path) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw WebhookProblems.malformed(path, "must be an object");
        }
        int start = (int) parser.currentTokenLocation().getByteOffset();
        String type = null;
        String eventId = null;
        String userId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "type" -> type = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "webhookEventId" -> eventId = value == JsonToken.VALUE_STRING ? parser.getText() : null;
                case "source" -> userId = value == JsonToken.START_OBJECT ? userId(parser) : skip(parser);
                default -> parser.skipChildren();
            }
        }
        int end = (int) parser.currentLocation().getByteOffset();
        if (type == null) {
            throw WebhookProblems.malformed(path + ".type", "must be a string");
        }
        if (eventId == null || eventId.isBlank()) {
            // Without it a redelivery cannot be recognised; LINE always sends one.
            throw WebhookProblems.malformed(path + ".webhookEventId", "must be a non-empty string");
        }
        return new AcceptedEvent(eventId, type, userId, Arrays.copyOfRange(body, start, end));
    }

    /** {@code source.userId}, or null (group and room events, or no user). */
    private static String userId(JsonParser parser) throws IOException {
        String userId = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("userId".equals(field) && value == JsonToken.VALUE_STRING) {
                userId = parser.getText();
            } else {
                parser.skipChildren();
            }
        }
        return userId;
    }

    /** Skips the value at the parser (a whole object or array); null, for the field it stood for. */
    static String skip(JsonParser parser) throws IOException {
        parser.skipChildren();
        return null;
    }
}
