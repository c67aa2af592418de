package jp.moshisapo.checkin.dialogue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import jp.moshisapo.checkin.resident.Pseudonymizer;
import jp.moshisapo.checkin.resident.Resident;

/**
 * Reads an event accepted by the webhook and keeps what the dialogue answers: events from a one-to-one chat in
 * active mode. Group chats, standby mode (another channel answers) and event types this service has no use for
 * are ignored.
 *
 * <p>One streaming pass over LINE's JSON (the fields of LINE's webhook event reference that the dialogue reads),
 * not the LINE SDK's polymorphic event model: that model read every field of every event into objects, a visible
 * share of this service's CPU per check-in (docs/performance.md). IncomingParserTest reads the same events both ways.
 */
@ApplicationScoped
public class IncomingParser {

    private static final JsonFactory JSON = new JsonFactory();

    private final Pseudonymizer pseudonymizer;

    IncomingParser(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    /** The event, or empty when it is ignored; throws IOException for bytes that are not a LINE event. */
    public Optional<Incoming> parse(byte[] json) throws IOException {
        LineEvent event = LineEvent.read(json);
        if (!"user".equals(event.sourceType) || event.userId == null || "standby".equals(event.mode)
                || event.webhookEventId == null || event.type == null) {
            return Optional.empty();
        }
        String id = event.webhookEventId;
        Instant at = event.timestamp == null ? Instant.now() : Instant.ofEpochMilli(event.timestamp);
        return switch (event.type) {
            case "follow" -> Optional.of(new Incoming.Followed(id, resident(event), event.replyToken, at));
            case "unfollow" -> Optional.of(new Incoming.Unfollowed(id, resident(event), at));
            case "postback" -> event.postbackData == null ? Optional.empty()
                    : Optional.of(new Incoming.Postback(id, resident(event), event.replyToken, event.postbackData, at));
            case "message" -> Optional.of("text".equals(event.messageType) && event.text != null
                    ? new Incoming.TextSent(id, resident(event), event.replyToken, event.text, at)
                    : new Incoming.OtherMessage(id, resident(event), event.replyToken, at));
            default -> Optional.empty();
        };
    }

    private Resident resident(LineEvent event) {
        return pseudonymizer.resident(event.userId);
    }

    /** The fields of one webhook event the dialogue reads; everything else is skipped unread. */
    private static final class LineEvent {
        String type;
        String mode;
        String webhookEventId;
        Long timestamp;
        String replyToken;
        String sourceType;
        String userId;
        String postbackData;
        String messageType;
        String text;

        static LineEvent read(byte[] json) throws IOException {
            LineEvent event = new LineEvent();
            try (JsonParser parser = JSON.createParser(json)) {
                expectObject(parser.nextToken());
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String field = parser.currentName();
                    JsonToken value = parser.nextToken();
                    switch (field) {
                        case "type" -> event.type = text(parser, value);
                        case "mode" -> event.mode = text(parser, value);
                        case "webhookEventId" -> event.webhookEventId = text(parser, value);
                        case "replyToken" -> event.replyToken = text(parser, value);
                        case "timestamp" -> event.timestamp = value == JsonToken.VALUE_NUMBER_INT
                                ? parser.getLongValue() : null;
                        case "source" -> event.readSource(parser, value);
                        case "postback" -> event.readPostback(parser, value);
                        case "message" -> event.readMessage(parser, value);
                        default -> parser.skipChildren();
                    }
                }
                if (parser.currentToken() != JsonToken.END_OBJECT) {
                    throw new IOException("a LINE event cut short");
                }
            }
            return event;
        }

        private void readSource(JsonParser parser, JsonToken value) throws IOException {
            forEachField(parser, value, field -> {
                switch (field) {
                    case "type" -> sourceType = text(parser, parser.currentToken());
                    case "userId" -> userId = text(parser, parser.currentToken());
                    default -> parser.skipChildren();
                }
            });
        }

        private void readPostback(JsonParser parser, JsonToken value) throws IOException {
            forEachField(parser, value, field -> {
                if ("data".equals(field)) {
                    postbackData = text(parser, parser.currentToken());
                } else {
                    parser.skipChildren();
                }
            });
        }

        private void readMessage(JsonParser parser, JsonToken value) throws IOException {
            forEachField(parser, value, field -> {
                switch (field) {
                    case "type" -> messageType = text(parser, parser.currentToken());
                    case "text" -> text = text(parser, parser.currentToken());
                    default -> parser.skipChildren();
                }
            });
        }

        @FunctionalInterface
        private interface FieldReader {
            void read(String field) throws IOException;
        }

        /** Calls {@code reader} with the parser on each field's value; a null or non-object value has no fields. */
        private static void forEachField(JsonParser parser, JsonToken value, FieldReader reader) throws IOException {
            if (value != JsonToken.START_OBJECT) {
                parser.skipChildren();
                return;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                reader.read(field);
            }
        }

        private static String text(JsonParser parser, JsonToken value) throws IOException {
            if (value == JsonToken.VALUE_STRING) {
                return parser.getText();
            }
            parser.skipChildren();
            return null;
        }

        private static void expectObject(JsonToken token) throws IOException {
            if (token != JsonToken.START_OBJECT) {
                throw new IOException("a LINE event is a JSON object");
            }
        }
    }
}
