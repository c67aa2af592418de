package jp.moshisapo.notification.visit;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import jp.moshisapo.protocol.events.ResidentEvent;

/** Reads {@link ResidentEvent} JSON from Kafka with the application's ObjectMapper (java.time support). */
public class ResidentEventDeserializer extends ObjectMapperDeserializer<ResidentEvent> {

    public ResidentEventDeserializer() {
        super(ResidentEvent.class);
    }
}
