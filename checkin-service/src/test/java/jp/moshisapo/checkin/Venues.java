package jp.moshisapo.checkin;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;
import java.time.Duration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import jp.moshisapo.checkin.code.CodeViewRepository;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.servers.EventContracts;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Plays facility-service in tests: issues and revokes codes by publishing {@link CodeState} to facility.codes.v1
 * (each example checked against the contract first), then waits until checkin-service's view shows it.
 */
public final class Venues {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Venues() {
    }

    /** A new code, issued and known to checkin-service. */
    public static PrintedCode issue(CodeViewRepository view, String facilityName, String room) {
        PrintedCode code = PrintedCode.generate(RANDOM);
        publish(view, CodeState.of(code.canonical(), CodeState.Status.ACTIVE, UUID.randomUUID(), facilityName, "FOOD_SERVICE", room,
                Instant.now()));
        return code;
    }

    public static void revoke(CodeViewRepository view, PrintedCode code) {
        var current = view.find(code).orElseThrow();
        publish(view, CodeState.of(code.canonical(), CodeState.Status.REVOKED, current.facilityId(),
                current.facilityName(), "FOOD_SERVICE", current.room(), Instant.now()));
    }

    private static void publish(CodeViewRepository view, CodeState state) {
        String json = write(state);
        EventContracts.assertValid(EventContracts.CODE_STATE, json);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topic.FACILITY_CODES, state.code(), json)).get();
        } catch (Exception e) {
            throw new AssertionError("cannot publish " + state, e);
        }
        await("code " + state.code() + " " + state.status() + " in the view").atMost(Duration.ofSeconds(20))
                .until(() -> view.find(new PrintedCode(state.code()))
                        .filter(entry -> entry.status() == state.status()).orElse(null), notNullValue());
    }

    static String write(CodeState state) {
        try {
            return JSON.writeValueAsString(state);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
