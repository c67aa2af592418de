package jp.moshisapo.checkin.dialogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.jackson.ModelObjectMapper;
import com.linecorp.bot.webhook.model.Event;
import com.linecorp.bot.webhook.model.EventMode;
import com.linecorp.bot.webhook.model.FollowEvent;
import com.linecorp.bot.webhook.model.MessageEvent;
import com.linecorp.bot.webhook.model.PostbackEvent;
import com.linecorp.bot.webhook.model.TextMessageContent;
import com.linecorp.bot.webhook.model.UnfollowEvent;
import com.linecorp.bot.webhook.model.UserSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import jp.moshisapo.checkin.resident.Pseudonymizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The streaming parser reads every kind of webhook event exactly as LINE's SDK model reads it (the way this
 * service read events before), including the ones the dialogue ignores.
 */
class IncomingParserTest {

    private static final String USER = "U" + "0123456789abcdef".repeat(2);
    private static final Pseudonymizer PSEUDONYMS = new Pseudonymizer("test-key");
    private static final ObjectMapper LINE_SDK = ModelObjectMapper.createNewObjectMapper();

    private final IncomingParser parser = new IncomingParser(PSEUDONYMS);

    @ParameterizedTest
    @ValueSource(strings = {
        // what a check-in sends: the prefilled text, then the tap on 同意する
        """
        {"type":"message","message":{"type":"text","id":"468789577898262530","quoteToken":"q1",
         "text":"チェックイン ABCD-EFGH-J","emojis":[{"index":0,"productId":"p","emojiId":"e","length":1}],
         "mention":{"mentionees":[{"index":0,"length":3,"type":"user","userId":"U1","isSelf":false}]}},
         "webhookEventId":"01HQ1","deliveryContext":{"isRedelivery":false},"timestamp":1700000000123,
         "source":{"type":"user","userId":"%1$s"},"replyToken":"rt-1","mode":"active"}""",
        """
        {"replyToken":"rt-2","type":"postback","mode":"active","timestamp":1700000000456,
         "source":{"userId":"%1$s","type":"user"},"webhookEventId":"01HQ2",
         "deliveryContext":{"isRedelivery":true},"postback":{"data":"c=1&code=ABCDEFGHJ","params":{"date":"2026-12-03"}}}""",
        """
        {"type":"follow","mode":"active","timestamp":1700000000789,"source":{"type":"user","userId":"%1$s"},
         "webhookEventId":"01HQ3","deliveryContext":{"isRedelivery":false},"replyToken":"rt-3",
         "follow":{"isUnblocked":true}}""",
        """
        {"type":"unfollow","mode":"active","timestamp":1700000000999,"source":{"type":"user","userId":"%1$s"},
         "webhookEventId":"01HQ4","deliveryContext":{"isRedelivery":false}}""",
        // answered with the help text
        """
        {"type":"message","message":{"type":"sticker","id":"1","quoteToken":"q","stickerId":"52002734",
         "packageId":"11537","stickerResourceType":"STATIC","keywords":["a","b"]},"webhookEventId":"01HQ5",
         "deliveryContext":{"isRedelivery":false},"timestamp":1700000001000,
         "source":{"type":"user","userId":"%1$s"},"replyToken":"rt-5","mode":"active"}""",
        """
        {"type":"message","message":{"type":"location","id":"2","title":"自宅","address":"岩手県盛岡市内丸10-1",
         "latitude":39.7036,"longitude":141.1527},"webhookEventId":"01HQ6","timestamp":1700000001001,
         "source":{"type":"user","userId":"%1$s"},"replyToken":"rt-6","mode":"active"}""",
        """
        {"type":"message","message":{"type":"text","id":"3","text":""},"webhookEventId":"01HQ7",
         "timestamp":1700000001002,"source":{"type":"user","userId":"%1$s"},"replyToken":"rt-7","mode":"active"}""",
        // ignored: a group, standby mode, no user, no event id, an event type the dialogue has no use for
        """
        {"type":"message","message":{"type":"text","id":"4","text":"チェックイン ABCD-EFGH-J"},
         "webhookEventId":"01HQ8","timestamp":1700000001003,
         "source":{"type":"group","groupId":"C1","userId":"%1$s"},"replyToken":"rt-8","mode":"active"}""",
        """
        {"type":"message","message":{"type":"text","id":"5","text":"履歴"},"webhookEventId":"01HQ9",
         "timestamp":1700000001004,"source":{"type":"user","userId":"%1$s"},"mode":"standby"}""",
        """
        {"type":"follow","mode":"active","timestamp":1700000001005,"source":{"type":"user"},
         "webhookEventId":"01HQA","replyToken":"rt-a"}""",
        """
        {"type":"follow","mode":"active","timestamp":1700000001006,"source":{"type":"user","userId":"%1$s"},
         "replyToken":"rt-b"}""",
        """
        {"type":"beacon","mode":"active","timestamp":1700000001007,"source":{"type":"user","userId":"%1$s"},
         "webhookEventId":"01HQC","replyToken":"rt-c","beacon":{"hwid":"d41d8cd98f","type":"enter"}}""",
        """
        {"type":"postback","mode":"active","timestamp":1700000001008,"source":{"type":"user","userId":"%1$s"},
         "webhookEventId":"01HQD","replyToken":"rt-d"}"""
    })
    void readsEveryEventAsLinesSdkModelDoes(String template) throws IOException {
        byte[] event = template.formatted(USER).getBytes(StandardCharsets.UTF_8);

        assertEquals(throughSdk(event), parser.parse(event));
    }

    @Test
    void aCheckInTextIsReadWithItsTextReplyTokenAndLinesTimestamp() throws IOException {
        byte[] event = ("{\"type\":\"message\",\"mode\":\"active\",\"timestamp\":1700000000123,"
                + "\"webhookEventId\":\"01HQ1\",\"replyToken\":\"rt\",\"source\":{\"type\":\"user\",\"userId\":\""
                + USER + "\"},\"message\":{\"type\":\"text\",\"id\":\"1\",\"text\":\"チェックイン ABCD-EFGH-J\"}}")
                .getBytes(StandardCharsets.UTF_8);

        Incoming.TextSent text = (Incoming.TextSent) parser.parse(event).orElseThrow();

        assertEquals("チェックイン ABCD-EFGH-J", text.text());
        assertEquals("rt", text.replyToken());
        assertEquals(Instant.ofEpochMilli(1700000000123L), text.at());
        assertEquals(PSEUDONYMS.pseudonymOf(USER), text.resident().pseudonym());
    }

    @Test
    void bytesThatAreNotAWholeEventAreRefused() {
        for (String broken : new String[] {"not json", "[1,2]", "{\"type\":\"follow\",\"source\":{\"type\":\"us"}) {
            assertThrows(IOException.class, () -> parser.parse(broken.getBytes(StandardCharsets.UTF_8)), broken);
        }
    }

    @Test
    void anEventWithoutTimestampIsDatedWhenRead() throws IOException {
        byte[] event = ("{\"type\":\"unfollow\",\"mode\":\"active\",\"webhookEventId\":\"01\","
                + "\"source\":{\"type\":\"user\",\"userId\":\"" + USER + "\"}}").getBytes(StandardCharsets.UTF_8);
        Instant before = Instant.now();

        Incoming read = parser.parse(event).orElseThrow();

        assertTrue(!read.at().isBefore(before) && !read.at().isAfter(Instant.now()));
    }

    /** How this service read events with the LINE SDK's model, kept here as the reference. */
    private static Optional<Incoming> throughSdk(byte[] json) throws IOException {
        Event event = LINE_SDK.readValue(json, Event.class);
        if (!(event.source() instanceof UserSource source) || source.userId() == null
                || event.mode() == EventMode.STANDBY || event.webhookEventId() == null) {
            return Optional.empty();
        }
        var resident = PSEUDONYMS.resident(source.userId());
        String id = event.webhookEventId();
        Instant at = Instant.ofEpochMilli(event.timestamp());
        if (event instanceof FollowEvent follow) {
            return Optional.of(new Incoming.Followed(id, resident, follow.replyToken(), at));
        }
        if (event instanceof UnfollowEvent) {
            return Optional.of(new Incoming.Unfollowed(id, resident, at));
        }
        if (event instanceof PostbackEvent postback && postback.postback() != null) {
            return Optional.of(new Incoming.Postback(id, resident, postback.replyToken(), postback.postback().data(),
                    at));
        }
        if (event instanceof MessageEvent message) {
            if (message.message() instanceof TextMessageContent text && text.text() != null) {
                return Optional.of(new Incoming.TextSent(id, resident, message.replyToken(), text.text(), at));
            }
            return Optional.of(new Incoming.OtherMessage(id, resident, message.replyToken(), at));
        }
        return Optional.empty();
    }
}
