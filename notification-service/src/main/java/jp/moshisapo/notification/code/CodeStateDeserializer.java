package jp.moshisapo.notification.code;

import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;
import jp.moshisapo.protocol.events.CodeState;

/** Reads {@link CodeState} JSON from Kafka with the application's ObjectMapper (java.time support). */
public class CodeStateDeserializer extends ObjectMapperDeserializer<CodeState> {

    public CodeStateDeserializer() {
        super(CodeState.class);
    }
}
