package jp.moshisapo.checkin.webhook;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import jp.moshisapo.checkin.dialogue.Understood;

/**
 * Drops at ingress what processing does not need from a message event, before it is written to Kafka: a text
 * becomes the shortest text the dialogue understands the same way ({@link Understood#minimalText()}: the code, the
 * command, or nothing, which still gets the help text), and any other message (sticker, photo, location…) keeps
 * only its type and id. The resident's own words, a location's address or a file's details never reach the topic.
 * Other events (follow, unfollow, postback: our own button data) carry no free text and pass unchanged.
 */
final class EventMinimiser {

    private final JsonFactory json;

    EventMinimiser(ObjectMapper json) {
        this.json = json.getFactory();
    }

    /**
     * The event to write: the same bytes unless it is a message event. One streaming pass that copies every field
     * but the message (no object tree: this runs for every webhook event, on the HTTP event loop).
     */
    byte[] minimise(String type, byte[] event) {
        if (!"message".equals(type)) {
            return event;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(event.length);
        try (JsonParser parser = json.createParser(event); JsonGenerator generator = json.createGenerator(out)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return event;
            }
            boolean minimised = false;
            generator.writeStartObject();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                generator.writeFieldName(field);
                if ("message".equals(field) && value == JsonToken.START_OBJECT) {
                    writeKept(parser, generator);
                    minimised = true;
                } else {
                    generator.copyCurrentStructure(parser);
                }
            }
            generator.writeEndObject();
            if (!minimised) {
                return event; // processing ignores a message event without a message object
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // WebhookBody has checked the event is well-formed JSON
        }
        return out.toByteArray();
    }

    /**
     * The message object's id and type (strings in LINE's reference; any other value is dropped), and for a text the
     * shortest text understood the same way.
     */
    private static void writeKept(JsonParser parser, JsonGenerator generator) throws IOException {
        String id = null;
        String messageType = null;
        String text = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            String string = value == JsonToken.VALUE_STRING ? parser.getText() : WebhookBody.skip(parser);
            switch (field) {
                case "id" -> id = string;
                case "type" -> messageType = string;
                case "text" -> text = string;
                default -> { }
            }
        }
        generator.writeStartObject();
        if (id != null) {
            generator.writeStringField("id", id);
        }
        if (messageType != null) {
            generator.writeStringField("type", messageType);
        }
        if (text != null && "text".equals(messageType)) {
            generator.writeStringField("text", Understood.of(text).minimalText());
        }
        generator.writeEndObject();
    }
}
