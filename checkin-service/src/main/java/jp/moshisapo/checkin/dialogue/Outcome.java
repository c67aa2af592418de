package jp.moshisapo.checkin.dialogue;

import com.linecorp.bot.messaging.model.Message;
import java.util.List;
import jp.moshisapo.checkin.resident.Resident;

/**
 * What answering one event takes: events to publish (first, durably) and then the reply, if any.
 *
 * @param replyToken null when there is nothing to reply (or LINE gave no token, as for unfollow)
 */
public record Outcome(Resident resident, String replyToken, List<Message> reply, List<Publication> publications) {

    /** An event for Kafka: topic, key and the protocol record to write as JSON. */
    public record Publication(String topic, String key, Object event) {
    }

    static Outcome reply(Resident resident, String replyToken, List<Message> reply) {
        return new Outcome(resident, replyToken, reply, List.of());
    }

    static Outcome publishThenReply(Resident resident, String replyToken, Publication publication,
            List<Message> reply) {
        return new Outcome(resident, replyToken, reply, List.of(publication));
    }

    public boolean hasReply() {
        return replyToken != null && !reply.isEmpty();
    }
}
