package jp.moshisapo.checkin.dialogue;

import java.time.Instant;
import jp.moshisapo.checkin.resident.Resident;

/** A webhook event the dialogue answers, read from LINE's event; {@link #at()} is LINE's event timestamp. */
public sealed interface Incoming {

    String webhookEventId();

    Resident resident();

    Instant at();

    /** Added as a friend (or unblocked). */
    record Followed(String webhookEventId, Resident resident, String replyToken, Instant at) implements Incoming {
    }

    /** Blocked the account: LINE gives no reply token, the resident cannot be messaged any more. */
    record Unfollowed(String webhookEventId, Resident resident, Instant at) implements Incoming {
    }

    /** A text message: a scanned code (the QR redirect prefills one), a command or anything else. */
    record TextSent(String webhookEventId, Resident resident, String replyToken, String text, Instant at)
            implements Incoming {

        @Override
        public String toString() {
            return "TextSent[webhookEventId=" + webhookEventId + ", " + resident + ", chars=" + text.length() + "]";
        }
    }

    /** A tap on one of our buttons. */
    record Postback(String webhookEventId, Resident resident, String replyToken, String data, Instant at)
            implements Incoming {
    }

    /** A sticker, photo, location…: answered with the help text. */
    record OtherMessage(String webhookEventId, Resident resident, String replyToken, Instant at) implements Incoming {
    }
}
