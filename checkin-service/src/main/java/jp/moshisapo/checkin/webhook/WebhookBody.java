package jp.moshisapo.checkin.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import jp.moshisapo.checkin.problem.ProblemException;

/**
 * Splits a verified webhook body ({@code {"destination": …, "events": [ … ]}}) into its events. Only the envelope
 * is checked here: what an event means is decided when it is processed, where unknown types are ignored.
 */
public final class WebhookBody {

    private final ObjectReader reader;
    private final ObjectMapper json;

    public WebhookBody(ObjectMapper json) {
        this.json = json;
        this.reader = json.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** The events of the body; throws a 400 problem for anything that is not a LINE webhook body. */
    public List<AcceptedEvent> events(byte[] body) {
        JsonNode root;
        try {
            root = reader.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.malformed("", "not valid JSON");
        } catch (IOException e) {
            throw ProblemException.malformed("", "not readable as UTF-8 JSON");
        }
        if (root == null || !root.isObject()) {
            throw ProblemException.malformed("", "must be a JSON object");
        }
        JsonNode events = root.get("events");
        if (events == null || !events.isArray()) {
            throw ProblemException.malformed("events", "must be an array");
        }
        List<AcceptedEvent> accepted = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            accepted.add(event(events.get(i), "events[" + i + "]"));
        }
        return accepted;
    }

    private AcceptedEvent event(JsonNode event, String path) {
        if (!event.isObject()) {
            throw ProblemException.malformed(path, "must be an object");
        }
        if (!event.path("type").isTextual()) {
            throw ProblemException.malformed(path + ".type", "must be a string");
        }
        JsonNode eventId = event.get("webhookEventId");
        if (eventId == null || !eventId.isTextual() || eventId.asText().isBlank()) {
            // Without it a redelivery cannot be recognised; LINE always sends one.
            throw ProblemException.malformed(path + ".webhookEventId", "must be a non-empty string");
        }
        JsonNode userId = event.path("source").path("userId");
        try {
            return new AcceptedEvent(eventId.asText(), userId.isTextual() ? userId.asText() : null,
                    json.writeValueAsBytes(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree is always writable", e);
        }
    }
}
