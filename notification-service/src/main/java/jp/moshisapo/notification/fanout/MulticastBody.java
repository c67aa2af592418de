package jp.moshisapo.notification.fanout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MulticastRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The body of a multicast of one message, made once per message and filled with each batch's recipients. The
 * message part is serialised by the LINE SDK's own model (so the wire format is LINE's); only the {@code to} array
 * is written per batch, straight from the opened recipient list: a million recipients would otherwise each cost a
 * string, a list entry and a pass of Jackson's serialisers while the case is sending.
 */
final class MulticastBody {

    /** The SDK's models carry their own Jackson annotations (type ids, NON_NULL); a plain mapper honours them. */
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte SEPARATOR = '\n';

    /** Everything before the first recipient's opening quote, and everything after the last one's closing quote. */
    private final byte[] head;
    private final byte[] tail;

    private MulticastBody(byte[] head, byte[] tail) {
        this.head = head;
        this.tail = tail;
    }

    /** The body of a multicast of these messages. */
    static MulticastBody of(List<Message> messages) {
        // a placeholder recipient no message text can contain by chance; checked to occur exactly once
        String placeholder = "R" + UUID.randomUUID().toString().replace("-", "");
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(new MulticastRequest.Builder(messages, List.of(placeholder)).build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a multicast request", e);
        }
        byte[] quoted = ('"' + placeholder + '"').getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(json, quoted, 0);
        if (at < 0 || indexOf(json, quoted, at + 1) >= 0) {
            throw new IllegalStateException("the multicast request does not hold its recipient exactly once");
        }
        return new MulticastBody(Arrays.copyOf(json, at), Arrays.copyOfRange(json, at + quoted.length, json.length));
    }

    /**
     * The request for these recipients: LINE user ids separated by a newline, as a batch seals them. An id that is
     * not plain letters and digits (a LINE user id is U and 32 hex digits) is refused rather than written into the
     * JSON.
     */
    byte[] with(byte[] recipients) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length + recipients.length * 36 / 33 + 8
                + tail.length);
        out.writeBytes(head);
        out.write('"');
        int idLength = 0;
        for (byte b : recipients) {
            if (b == SEPARATOR) {
                requireId(idLength);
                out.write('"');
                out.write(',');
                out.write('"');
                idLength = 0;
            } else if (b >= '0' && b <= '9' || b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z') {
                out.write(b);
                idLength++;
            } else {
                throw new IllegalStateException("a recipient is not a LINE user id");
            }
        }
        requireId(idLength);
        out.write('"');
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static void requireId(int length) {
        if (length == 0) {
            throw new IllegalStateException("a batch's recipient list has an empty entry");
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        for (int i = from; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }
}
