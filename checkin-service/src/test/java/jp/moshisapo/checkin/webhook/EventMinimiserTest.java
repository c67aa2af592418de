package jp.moshisapo.checkin.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventMinimiserTest {

    /** Strict like the service's own mapper (http-problems' StrictJson). */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String USER = "U" + "0123456789abcdef".repeat(2);
    private final EventMinimiser minimiser = new EventMinimiser(JSON);

    @Test
    void aTextKeepsOnlyWhatTheDialogueUnderstandsAndLineSdkStillReadsIt() throws Exception {
        byte[] event = message("""
                {"id":"1","type":"text","text":"熱があります 090-1234-5678","quoteToken":"q",
                 "emojis":[{"index":0,"productId":"p","emojiId":"e","length":1}]}""");

        byte[] kept = minimiser.minimise("message", event);

        JsonNode message = JSON.readTree(kept).path("message");
        assertEquals("{\"id\":\"1\",\"type\":\"text\",\"text\":\"\"}", message.toString());
        assertEquals(USER, JSON.readTree(kept).at("/source/userId").asText(), "the rest of the event is kept");
        Event read = ModelObjectMapper.createNewObjectMapper().readValue(kept, Event.class);
        assertEquals("", ((TextMessageContent) ((MessageEvent) read).message()).text());
    }

    @Test
    void anyOtherMessageKeepsOnlyItsTypeAndLineSdkStillReadsItAsAMessage() throws Exception {
        byte[] kept = minimiser.minimise("message", message("""
                {"id":"2","type":"location","title":"自宅","address":"岩手県盛岡市内丸10-1",
                 "latitude":39.7036,"longitude":141.1527}"""));

        String text = new String(kept, StandardCharsets.UTF_8);
        assertFalse(text.contains("盛岡") || text.contains("39.70") || text.contains("自宅"), text);
        assertTrue(ModelObjectMapper.createNewObjectMapper().readValue(kept, Event.class) instanceof MessageEvent);
    }

    @Test
    void eventsWithoutFreeTextPassUnchanged() {
        byte[] postback = ("{\"type\":\"postback\",\"postback\":{\"data\":\"consent=yes\"},\"source\":{\"userId\":\""
                + USER + "\"}}").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(postback, minimiser.minimise("postback", postback));
    }

    private static byte[] message(String message) {
        return ("""
                {"type":"message","mode":"active","timestamp":1700000000000,"webhookEventId":"01H",
                 "deliveryContext":{"isRedelivery":false},"replyToken":"r",
                 "source":{"type":"user","userId":"%s"},"message":%s}""".formatted(USER, message))
                .getBytes(StandardCharsets.UTF_8);
    }
}
