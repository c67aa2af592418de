package jp.moshisapo.checkin.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import jp.moshisapo.checkin.config.CheckinConfig;
import jp.moshisapo.protocol.events.EventKeyring;
import jp.moshisapo.protocol.events.Sealed;
import org.jboss.logging.Logger;

/**
 * The event keyring ({@code EVENT_ENCRYPTION_KEYS}), and the sealed form of a record on
 * {@code checkin.webhook-events.v1}: the whole value is sealed, since a raw LINE event holds the user id, a reply
 * token and (minimised) message text or postback data in several places, and nothing but this service reads it.
 */
@ApplicationScoped
public class EventKeys {

    private static final Logger LOG = Logger.getLogger(EventKeys.class);

    private final EventKeyring keys;
    private final ObjectMapper json;

    EventKeys(EventKeyring keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Produces
    @Singleton
    static EventKeyring keyring(CheckinConfig config) {
        EventKeyring keyring = EventKeyring.parse(config.eventEncryption().keys(),
                config.eventEncryption().activeKeyId());
        if (keyring.activeKeyId().startsWith(EventKeyring.LOCAL_ONLY_PREFIX)
                && LaunchMode.current() == LaunchMode.NORMAL) {
            LOG.warn("Events on Kafka are sealed with the published LOCAL-ONLY key; set EVENT_ENCRYPTION_KEYS and "
                    + "EVENT_ENCRYPTION_ACTIVE_KEY_ID outside local runs");
        }
        return keyring;
    }

    /** The record value for one webhook event: {@code {"keyId": …, "ciphertext": …}}. */
    public byte[] sealWebhookEvent(byte[] event) {
        try {
            return json.writeValueAsBytes(keys.seal(event, EventKeyring.Purpose.WEBHOOK_EVENT));
        } catch (IOException e) {
            throw new IllegalStateException("a Sealed record always serialises", e);
        }
    }

    /**
     * The webhook event inside a record value; throws {@link EventKeyring.UnreadableException} (or IOException for
     * bytes that are not a sealed value) when it cannot be read.
     */
    public byte[] openWebhookEvent(byte[] value) throws IOException {
        if (value == null) {
            throw new EventKeyring.UnreadableException("no record value");
        }
        return keys.open(json.readValue(value, Sealed.class), EventKeyring.Purpose.WEBHOOK_EVENT);
    }
}
