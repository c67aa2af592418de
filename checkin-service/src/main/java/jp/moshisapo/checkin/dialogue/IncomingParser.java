package jp.moshisapo.checkin.dialogue;

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
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import jp.moshisapo.checkin.resident.Pseudonymizer;
import jp.moshisapo.checkin.resident.Resident;

/**
 * Reads an event accepted by the webhook with LINE's SDK and keeps what the dialogue answers: events from a
 * one-to-one chat in active mode. Group chats, standby mode (another channel answers) and event types this
 * service has no use for are ignored.
 */
@ApplicationScoped
public class IncomingParser {

    private final ObjectMapper lineJson = ModelObjectMapper.createNewObjectMapper();
    private final Pseudonymizer pseudonymizer;

    IncomingParser(Pseudonymizer pseudonymizer) {
        this.pseudonymizer = pseudonymizer;
    }

    /** The event, or empty when it is ignored; throws IOException for bytes that are not a LINE event. */
    public Optional<Incoming> parse(byte[] json) throws IOException {
        Event event = lineJson.readValue(json, Event.class);
        if (!(event.source() instanceof UserSource source) || source.userId() == null
                || event.mode() == EventMode.STANDBY || event.webhookEventId() == null) {
            return Optional.empty();
        }
        Resident resident = pseudonymizer.resident(source.userId());
        String id = event.webhookEventId();
        Instant at = event.timestamp() == null ? Instant.now() : Instant.ofEpochMilli(event.timestamp());
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
