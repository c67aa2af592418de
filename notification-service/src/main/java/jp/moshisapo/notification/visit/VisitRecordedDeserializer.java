package jp.moshisapo.notification.visit;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import jp.moshisapo.protocol.events.VisitRecorded;

/** Reads {@link VisitRecorded} JSON from Kafka with the application's ObjectMapper (java.time support). */
public class VisitRecordedDeserializer extends ObjectMapperDeserializer<VisitRecorded> {

    public VisitRecordedDeserializer() {
        super(VisitRecorded.class);
    }
}
