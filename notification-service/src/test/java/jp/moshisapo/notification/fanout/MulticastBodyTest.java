package jp.moshisapo.notification.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MulticastRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.moshisapo.notification.notice.NoticeMessage;
import org.junit.jupiter.api.Test;

class MulticastBodyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> USERS = List.of("U" + "0123456789abcdef".repeat(2), "U" + "f".repeat(32),
            "U" + "a1".repeat(16));
    /** Quotes, a backslash, a newline, Japanese and something shaped like the body's own placeholder. */
    private static final String TEXT = "【岩手県】\"もしサポ\" \\ 12月1日に利用された施設で感染者が確認されました。\n"
            + "R0123456789abcdef0123456789abcdef";

    @Test
    void theBodyIsWhatTheSdkWritesForTheSameMessageAndRecipients() throws Exception {
        List<Message> messages = List.of(NoticeMessage.of(TEXT, List.of(
                new NoticeMessage.Button("受診・相談センターに電話", "tel:0196293900"))).toLine());

        byte[] body = MulticastBody.of(messages).with(String.join("\n", USERS).getBytes(StandardCharsets.US_ASCII));

        JsonNode expected = JSON.readTree(JSON.writeValueAsBytes(new MulticastRequest.Builder(messages, USERS).build()));
        assertEquals(expected, JSON.readTree(body));
    }

    @Test
    void oneRecipientIsAListOfOne() throws Exception {
        byte[] body = MulticastBody.of(List.of(NoticeMessage.of("テスト", List.of()).toLine()))
                .with(USERS.get(0).getBytes(StandardCharsets.US_ASCII));

        assertEquals(List.of(USERS.get(0)), JSON.convertValue(JSON.readTree(body).get("to"), List.class));
    }

    @Test
    void aRecipientThatIsNotALineUserIdIsNeverWrittenIntoTheJson() {
        MulticastBody body = MulticastBody.of(List.of(NoticeMessage.of("テスト", List.of()).toLine()));

        assertThrows(IllegalStateException.class,
                () -> body.with((USERS.get(0) + "\",\"Uattacker").getBytes(StandardCharsets.US_ASCII)));
        assertThrows(IllegalStateException.class,
                () -> body.with((USERS.get(0) + "\n\n" + USERS.get(1)).getBytes(StandardCharsets.US_ASCII)));
        assertThrows(IllegalStateException.class, () -> body.with(new byte[0]));
    }
}
