package jp.moshisapo.linesim;

import com.linecorp.bot.client.base.Result;
import com.linecorp.bot.messaging.client.MessagingApiClient;
import com.linecorp.bot.messaging.client.MessagingApiClientException;
import com.linecorp.bot.messaging.model.Message;
import com.linecorp.bot.messaging.model.MulticastRequest;
import com.linecorp.bot.messaging.model.ReplyMessageRequest;
import com.linecorp.bot.messaging.model.ReplyMessageResponse;
import com.linecorp.bot.messaging.model.TextMessage;
import com.linecorp.bot.messaging.model.UserProfileResponse;
import com.linecorp.bot.parser.LineSignatureValidator;
import com.linecorp.bot.parser.WebhookParser;
import com.linecorp.bot.webhook.model.ReplyEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The services' own LINE SDK client, pointed at the simulator, works as against api.line.me. */
class LineSdkClientIT {

    private static final String SAKURA = LineSimulator.userIdFor("sakura");

    private final WebhookReceiver webhook = new WebhookReceiver();
    private LineSimulator sim;
    private MessagingApiClient client;

    @BeforeEach
    void start() {
        sim = LineSimulator.start(LineSimulatorConfig.defaults().withWebhookUrl(webhook.url()));
        client = MessagingApiClient.builder(sim.config().channelAccessToken()).apiEndPoint(sim.baseUrl()).build();
    }

    @AfterEach
    void stop() {
        sim.close();
        webhook.close();
    }

    @Test
    void sdkMulticastWithRetryKeyIsDeliveredOnceAndItsRetryGets409() throws Exception {
        UUID retryKey = UUID.randomUUID();
        List<String> batch = Api.users("batch-", 500);
        MulticastRequest request = new MulticastRequest.Builder(List.of(text("お知らせ")), batch).build();

        Result<Object> accepted = client.multicast(retryKey, request).get(10, TimeUnit.SECONDS);
        ExecutionException retried = assertThrows(ExecutionException.class,
                () -> client.multicast(retryKey, request).get(10, TimeUnit.SECONDS));

        assertNotNull(accepted.requestId());
        MessagingApiClientException conflict = assertInstanceOf(MessagingApiClientException.class, retried.getCause());
        assertEquals(409, conflict.getCode());
        assertEquals(accepted.requestId(), conflict.getHeader("x-line-accepted-request-id"));
        assertEquals(500, sim.recipientsOf(retryKey));
        assertEquals(1, sim.inboxSize(batch.get(0)));
        assertEquals(500, sim.stats().messagesDelivered());
    }

    @Test
    void sdkMulticastOver500RecipientsFailsWithLinesDetails() {
        MulticastRequest request = new MulticastRequest.Builder(List.of(text("x")), Api.users("b-", 501)).build();
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> client.multicast(UUID.randomUUID(), request).get(10, TimeUnit.SECONDS));
        MessagingApiClientException error = assertInstanceOf(MessagingApiClientException.class, failed.getCause());
        assertEquals(400, error.getCode());
        assertEquals("to", error.getDetails().get(0).property());
    }

    @Test
    void sdkReplyWithTheTokenOfAWebhookEventReachesTheUser() throws Exception {
        sim.follow(SAKURA, "さくら");
        WebhookReceiver.Received received = webhook.next();
        String replyToken = ((ReplyEvent) new WebhookParser(new LineSignatureValidator(
                sim.config().channelSecret().getBytes(StandardCharsets.UTF_8)))
                .handle(received.signature(), received.body()).events().get(0)).replyToken();

        Result<ReplyMessageResponse> reply = client.replyMessage(
                new ReplyMessageRequest.Builder(replyToken, List.of(text("友だち追加ありがとうございます"))).build())
                .get(10, TimeUnit.SECONDS);

        assertEquals(1, reply.body().sentMessages().size());
        assertEquals("友だち追加ありがとうございます", sim.inbox(SAKURA).get(0).text());

        Result<UserProfileResponse> profile = client.getProfile(SAKURA).get(10, TimeUnit.SECONDS);
        assertEquals("さくら", profile.body().displayName());
    }

    private static Message text(String text) {
        return new TextMessage.Builder(text).build();
    }
}
