package jp.moshisapo.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;
import jp.moshisapo.protocol.events.EventKeyring;
import jp.moshisapo.protocol.events.ResidentEvent;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.protocol.events.VisitRecorded;
import jp.moshisapo.servers.SharedServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** What the other services would send: codes, visits and resident events on the real Kafka topics. */
public final class Fixtures {

    public static final ZoneId IWATE = ZoneId.of("Asia/Tokyo");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.Map<String, CachedToken> TOKENS = new java.util.HashMap<>();
    private static KafkaProducer<String, String> producer;
    /** The local-only event keyring of application.properties, with the key checkin-service seals with. */
    public static final EventKeyring EVENT_KEYS = EventKeyring.parse(
            "local-only-e1:bG9jYWwtb25seSBldmVudCBrZXkgTk9UIFNFQ1JFVCE=", "local-only-e1");

    private Fixtures() {
    }

    public static String newCode() {
        return PrintedCode.generate(RANDOM).canonical();
    }

    public static String user(String name) {
        return LineSimulator.userIdFor(name);
    }

    public static LocalDate today() {
        return LocalDate.now(IWATE);
    }

    /** Noon (Iwate time) of {@code daysAgo} days ago, or now when that is later (visits are never in the future). */
    public static Instant middayDaysAgo(int daysAgo) {
        Instant noon = today().minusDays(daysAgo).atTime(12, 0).atZone(IWATE).toInstant();
        Instant now = Instant.now().minusSeconds(60);
        return noon.isAfter(now) ? now : noon;
    }

    public static VisitRecorded visit(String userId, String code, Instant visitedAt) {
        return VisitRecorded.of(UUID.randomUUID(), userId, code, visitedAt, visitedAt.plusSeconds(5), EVENT_KEYS);
    }

    /** One visit today by each of {@code count} residents named prefix-0, prefix-1, ... */
    public static List<String> crowd(String prefix, int count, String code) {
        List<String> users = new java.util.ArrayList<>(count);
        List<VisitRecorded> visits = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String user = user(prefix + "-" + i);
            users.add(user);
            visits.add(visit(user, code, middayDaysAgo(0)));
        }
        publishVisits(visits);
        return users;
    }

    public static void publishCode(String code, String facilityName, String room) {
        send(Topic.FACILITY_CODES, code, json(CodeState.of(code, CodeState.Status.ACTIVE, UUID.randomUUID(),
                facilityName, "FOOD_SERVICE", room, Instant.now())));
    }

    public static void publishVisits(List<VisitRecorded> visits) {
        visits.forEach(v -> producer().send(new ProducerRecord<>(Topic.CHECKIN_VISITS, v.code(), json(v))));
        producer().flush();
    }

    /** As checkin-service writes it: the id sealed, keyed by a pseudonym (any stable stand-in does here). */
    public static void publishResident(ResidentEvent.Type type, String userId) {
        send(Topic.CHECKIN_RESIDENTS, "pseudonym-of-" + userId.hashCode(), json(residentEvent(type, userId)));
    }

    public static ResidentEvent residentEvent(ResidentEvent.Type type, String userId) {
        return ResidentEvent.of(type, userId, Instant.now(), EVENT_KEYS);
    }

    public static void publishRaw(String topic, String key, String value) {
        send(topic, key, value);
    }

    /** A real access token of a local user (password = user name), reused for a minute. */
    public static synchronized String token(String user) {
        CachedToken cached = TOKENS.get(user);
        if (cached == null || cached.fetched().isBefore(Instant.now().minusSeconds(60))) {
            cached = new CachedToken(SharedServers.keycloak().accessToken(user, user), Instant.now());
            TOKENS.put(user, cached);
        }
        return cached.token();
    }

    private record CachedToken(String token, Instant fetched) {
    }

    public static String json(Object event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedServers.kafka().bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close(Duration.ofSeconds(5))));
        }
        return producer;
    }
}
