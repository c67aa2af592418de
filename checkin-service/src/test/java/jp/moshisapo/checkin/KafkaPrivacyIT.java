package jp.moshisapo.checkin;

import static org.awaitility.Awaitility.await;
import java.time.Duration;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jp.moshisapo.checkin.code.CodeViewRepository;
import jp.moshisapo.checkin.resident.Pseudonymizer;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.webhook.WebhookSigner;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.EventKeyring;
import jp.moshisapo.protocol.events.Sealed;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.servers.EventContracts;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What this service writes to Kafka, read back from the beginning of its three topics: every record matches its
 * schema in docs/events, no LINE user id in clear in any key, value or header, and no free text of a resident even
 * inside the sealed webhook events.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class KafkaPrivacyIT {

    private static final Pattern LINE_USER_ID = Pattern.compile("U[0-9a-f]{32}");
    private static final List<String> CHECKIN_TOPICS = List.of(Topic.CHECKIN_WEBHOOK_EVENTS, Topic.CHECKIN_VISITS,
            Topic.CHECKIN_RESIDENTS);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> SCHEMAS = Map.of(Topic.CHECKIN_WEBHOOK_EVENTS,
            EventContracts.WEBHOOK_EVENT, Topic.CHECKIN_VISITS, EventContracts.VISIT_RECORDED,
            Topic.CHECKIN_RESIDENTS, EventContracts.RESIDENT_EVENT);

    @InjectLineSimulator
    LineSimulator sim;

    @TestHTTPResource("/line/webhook")
    URI webhook;

    @Inject
    CodeViewRepository codes;

    @Inject
    Pseudonymizer pseudonyms;

    @Inject
    EventKeyring keys;

    @BeforeEach
    void pointTheSimulatorHere() {
        Chat.connect(sim, webhook);
    }

    @Test
    void noRecordOnTheCheckinTopicsCarriesALineUserIdInClear() {
        PrintedCode code = Venues.issue(codes, "もしも会館", "ロビー");
        Chat akiko = new Chat(sim, "akiko");
        // Every kind of record the service writes: follow, scan, consent, history, erasure, unfollow.
        akiko.follow(2);
        akiko.say("チェックイン " + code.display(), 2);
        akiko.tap("同意する", 1);
        akiko.say("履歴", 1);
        akiko.say("削除", 1);
        akiko.tap("削除する", 1);
        sim.unfollow(akiko.userId());
        await("UNREACHABLE on " + Topic.CHECKIN_RESIDENTS).atMost(Duration.ofSeconds(20)).until(
                () -> TopicReader.residentEventsOf(akiko.userId()).size() == 3);

        List<String> found = new ArrayList<>();
        int records = 0;
        for (String topic : CHECKIN_TOPICS) {
            for (ConsumerRecord<byte[], byte[]> record : TopicReader.raw(topic)) {
                records++;
                EventContracts.assertValid(SCHEMAS.get(topic), new String(record.value(), StandardCharsets.UTF_8));
                scan(found, topic, record.partition(), record.offset(), "key", record.key());
                scan(found, topic, record.partition(), record.offset(), "value", record.value());
                for (Header header : record.headers()) {
                    scan(found, topic, record.partition(), record.offset(), "header " + header.key(), header.value());
                    scan(found, topic, record.partition(), record.offset(), "header name",
                            header.key().getBytes(StandardCharsets.UTF_8));
                }
            }
        }

        assertTrue(records >= 9, "the scan read this test's records at least: " + records);
        assertEquals(List.of(), found, "LINE user ids in clear on the checkin topics");
        assertEquals(1, TopicReader.visitsOf(akiko.userId()).size(), "the visit is there, its id sealed");
        assertEquals(7, webhookEventsOf(akiko.userId()).size(), "the raw events are there, keyed by pseudonym");
    }

    @Test
    void freeTextIsDroppedAtIngressAndTheResidentStillGetsTheHelpText() throws Exception {
        PrintedCode code = Venues.issue(codes, "もしも食堂", "2階");
        Chat taichi = new Chat(sim, "taichi");
        String secret = "熱があります 090-1234-" + UUID.randomUUID().toString().substring(0, 4);

        String help = taichi.say(secret, 1).get(0).text();
        taichi.say("こんにちは、チェックイン " + code.display() + " です", 2);
        taichi.say("  履歴 ", 1);
        String location = """
                {"destination":"Uffffffffffffffffffffffffffffffff","events":[{"type":"message","mode":"active",
                "timestamp":%d,"webhookEventId":"%s","deliveryContext":{"isRedelivery":false},
                "replyToken":"%s","source":{"type":"user","userId":"%s"},
                "message":{"id":"4711","type":"location","title":"自宅","address":"岩手県盛岡市内丸10-1",
                "latitude":39.7036,"longitude":141.1527}}]}""".formatted(System.currentTimeMillis(),
                "01LOCATION" + UUID.randomUUID(), UUID.randomUUID(), taichi.userId());
        byte[] body = location.getBytes(StandardCharsets.UTF_8);
        assertEquals(200, sim.sendRaw(body, WebhookSigner.sign(sim.config().channelSecret(), body)).status());

        assertTrue(help.contains("「履歴」…直近14日間の利用履歴を表示します"), "answered with the help text: " + help);
        List<JsonNode> messages = webhookEventsOf(taichi.userId()).stream().map(e -> e.path("message")).toList();
        assertEquals(List.of("", code.display(), "履歴"),
                messages.stream().filter(m -> m.has("text")).map(m -> m.get("text").asText()).toList(),
                "only what the dialogue understands is kept");
        String everything = messages.toString();
        assertFalse(everything.contains("090-1234"), everything);
        assertFalse(everything.contains("こんにちは"), everything);
        assertFalse(everything.contains("盛岡") || everything.contains("39.70") || everything.contains("自宅"),
                "a location keeps only its type: " + everything);
        assertTrue(messages.stream().anyMatch(m -> "location".equals(m.path("type").asText())), everything);
    }

    /** The webhook events of this resident, opened: every one must be keyed by the resident's pseudonym. */
    private List<JsonNode> webhookEventsOf(String userId) {
        String pseudonym = pseudonyms.pseudonymOf(userId).hex();
        List<JsonNode> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicReader.records(Topic.CHECKIN_WEBHOOK_EVENTS,
                r -> pseudonym.equals(r.key()))) {
            try {
                Sealed sealed = JSON.readValue(record.value(), Sealed.class);
                events.add(JSON.readTree(keys.open(sealed, EventKeyring.Purpose.WEBHOOK_EVENT)));
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        events.forEach(e -> assertEquals(userId, e.at("/source/userId").asText(), "keyed by its own resident"));
        return events;
    }

    private static void scan(List<String> found, String topic, int partition, long offset, String part,
            byte[] bytes) {
        if (bytes == null) {
            return;
        }
        Matcher id = LINE_USER_ID.matcher(new String(bytes, StandardCharsets.ISO_8859_1));
        if (id.find()) {
            // The place, never the id itself: the report must not become a copy of what it found.
            found.add(topic + "-" + partition + "@" + offset + " " + part);
        }
    }
}
