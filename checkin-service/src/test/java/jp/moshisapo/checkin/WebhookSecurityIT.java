package jp.moshisapo.checkin;

import static io.restassured.RestAssured.given;
import static jp.moshisapo.checkin.Chat.texts;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jp.moshisapo.checkin.code.CodeViewRepository;
import jp.moshisapo.linesim.LineIds;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.LineSimulatorConfig;
import jp.moshisapo.linesim.http.HttpIo;
import jp.moshisapo.linesim.webhook.WebhookEvents;
import jp.moshisapo.linesim.webhook.WebhookSigner;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook's defences: only bodies signed with the channel secret get in, malformed or oversized ones are
 * refused with problem+json, and LINE's redeliveries never record or reply twice.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class WebhookSecurityIT {

    private static final String SECRET = LineSimulatorConfig.LOCAL_CHANNEL_SECRET;

    @InjectLineSimulator
    LineSimulator sim;

    @TestHTTPResource("/line/webhook")
    URI webhook;

    @TestHTTPResource(value = "metrics", management = true)
    URL metrics;

    @Inject
    CodeViewRepository codes;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void pointTheSimulatorHere() {
        Chat.connect(sim, webhook);
    }

    @Test
    void aForgedSignatureIsRefusedAndNothingHappens() {
        Chat mallory = new Chat(sim, "mallory");
        double failuresBefore = signatureFailures();
        byte[] follow = body(WebhookEvents.follow(mallory.userId(), LineIds.replyToken(), false));

        post(follow, WebhookSigner.sign("not-the-channel-secret", follow)).statusCode(401)
                .contentType(equalTo("application/problem+json"))
                .body("type", equalTo("https://moshisapo.jp/problems/invalid-signature"))
                .body("status", equalTo(401));
        assertEquals(401, sim.sendRaw(follow, "Zm9yZ2Vk").status());

        assertEquals(failuresBefore + 2, signatureFailures());
        assertNothingHappenedTo(mallory);
    }

    @Test
    void aMissingSignatureIsRefused() {
        Chat eve = new Chat(sim, "eve");
        byte[] follow = body(WebhookEvents.follow(eve.userId(), LineIds.replyToken(), false));

        post(follow, null).statusCode(401).contentType(equalTo("application/problem+json"));

        assertNothingHappenedTo(eve);
    }

    @Test
    void aSignedBodyThatIsNotJsonIsMalformed() {
        byte[] broken = "{\"destination\":\"U0\",\"events\":[{\"type\":\"message\",".getBytes(StandardCharsets.UTF_8);

        post(broken, WebhookSigner.sign(SECRET, broken)).statusCode(400)
                .contentType(equalTo("application/problem+json"))
                .body("type", equalTo("https://moshisapo.jp/problems/malformed-body"))
                .body("title", equalTo("Malformed webhook body"));
    }

    @Test
    void aSignedBodyWithoutEventsArrayIsMalformedWithTheFieldNamed() {
        byte[] noEvents = "{\"destination\":\"U0\"}".getBytes(StandardCharsets.UTF_8);

        post(noEvents, WebhookSigner.sign(SECRET, noEvents)).statusCode(400)
                .body("errors[0].field", equalTo("events"));
    }

    @Test
    void aBodyOverOneMegabyteIsRefusedWith413EvenWhenSigned() {
        Chat bulky = new Chat(sim, "bulky");
        String padding = "あ".repeat(350_000); // 3 bytes each in UTF-8: 1.05 MB
        byte[] huge = body(WebhookEvents.text(bulky.userId(), LineIds.replyToken(), padding));
        assertTrue(huge.length > 1_048_576);

        post(huge, WebhookSigner.sign(SECRET, huge)).statusCode(413)
                .contentType(equalTo("application/problem+json"))
                .body("type", equalTo("https://moshisapo.jp/problems/body-too-large"));

        assertNothingHappenedTo(bulky);
    }

    @Test
    void anAbsurdBodyIsRefusedWith413BeforeItIsRead() {
        byte[] absurd = new byte[3 * 1024 * 1024];

        post(absurd, WebhookSigner.sign(SECRET, absurd)).statusCode(413)
                .contentType(equalTo("application/problem+json"));
    }

    @Test
    void aRedeliveredConsentNeverRecordsASecondVisitNorRepliesTwice() {
        PrintedCode code = Venues.issue(codes, "もしも会館", "ホール");
        Chat aki = new Chat(sim, "aki");
        aki.say("チェックイン " + code.display(), 2);
        aki.tap("同意する", 1);
        String consentEventId = aki.last().webhookEventId();

        assertEquals(200, sim.redeliver(consentEventId).status());
        assertEquals(200, sim.redeliver(consentEventId).status());
        aki.say("使い方", 1); // answered after the redeliveries: same resident, same partition, in order

        assertEquals(1, TopicReader.visitsOf(aki.userId()).size());
        assertEquals(4, aki.inbox().size(), "prompt (2), completion, help: " + texts(aki.inbox()));
    }

    /**
     * A follow has no deterministic id downstream (unlike a visit), so only the processed-events table stops its
     * redelivery from announcing the resident twice: this check fails when that table is bypassed.
     */
    @Test
    void aRedeliveredFollowAnnouncesTheResidentOnceAndGreetsOnce() {
        Chat yui = new Chat(sim, "yui");
        yui.follow(2);
        String followEventId = yui.last().webhookEventId();

        assertEquals(200, sim.redeliver(followEventId).status());
        assertEquals(200, sim.redeliver(followEventId).status());
        yui.say("使い方", 1); // answered after the redeliveries: same resident, same partition, in order

        assertEquals(1, reachableEventsOf(yui), "one REACHABLE event for one follow");
        assertEquals(3, yui.inbox().size(), "greeting (2), help: " + texts(yui.inbox()));
    }

    @Test
    void unknownEventTypesAreAcceptedAndIgnored() {
        Chat beacon = new Chat(sim, "beacon");
        ObjectNode future = WebhookEvents.follow(beacon.userId(), LineIds.replyToken(), false);
        future.put("type", "somethingLineAddsNextYear");
        future.remove("follow");
        byte[] body = body(future);

        post(body, WebhookSigner.sign(SECRET, body)).statusCode(200);

        assertNothingHappenedTo(beacon);
    }

    @Test
    void linesVerificationRequestWithNoEventsIsAnswered200() {
        byte[] verify = "{\"destination\":\"U0\",\"events\":[]}".getBytes(StandardCharsets.UTF_8);

        post(verify, WebhookSigner.sign(SECRET, verify)).statusCode(200);
    }

    @Test
    void metricsAreExposedOnTheManagementInterface() {
        given().get(metrics).then().statusCode(200)
                .body(containsString("moshisapo_checkin_signature_failures_total"))
                .body(containsString("moshisapo_checkin_visits_recorded_total"))
                .body(containsString("moshisapo_checkin_webhook_seconds_bucket"))
                .body(containsString("moshisapo_line_api_rate_limited_total{endpoint=\"reply\"}"))
                .body(containsString("kafka_consumer_fetch_manager_records_lag_max"));
    }

    /** Nothing reached the resident or Kafka: proven by a later legitimate message being the only thing answered. */
    private void assertNothingHappenedTo(Chat resident) {
        List<String> help = texts(resident.say("使い方", 1));
        assertEquals(1, resident.inbox().size(), "only the answer to the legitimate message: " + help);
        assertEquals(List.of(), TopicReader.residentEventsOf(resident.userId()));
        assertEquals(List.of(), TopicReader.visitsOf(resident.userId()));
    }

    private static long reachableEventsOf(Chat resident) {
        return TopicReader.residentEventsOf(resident.userId()).stream()
                .filter(record -> "REACHABLE".equals(typeOf(record.value()))).count();
    }

    private static String typeOf(String eventJson) {
        try {
            return HttpIo.MAPPER.readTree(eventJson).path("type").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private double signatureFailures() {
        return registry.get("moshisapo.checkin.signature.failures").counter().count();
    }

    private static byte[] body(ObjectNode event) {
        return HttpIo.toJson(WebhookEvents.body(LineIds.botUserIdFor("@moshisapo"), event));
    }

    private static ValidatableResponse post(byte[] body, String signature) {
        var request = given().contentType("application/json; charset=utf-8").body(body);
        if (signature != null) {
            request.header("X-Line-Signature", signature);
        }
        return request.post("/line/webhook").then();
    }
}
