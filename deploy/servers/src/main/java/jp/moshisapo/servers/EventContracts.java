package jp.moshisapo.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Contract tests on both sides of a topic validate events against the same schema file in {@code docs/events/}:
 * a producer test checks what it writes, a consumer test checks the examples it reads.
 */
public final class EventContracts {

    public static final String CODE_STATE = "code-state.schema.json";
    public static final String VISIT_RECORDED = "visit-recorded.schema.json";
    public static final String RESIDENT_EVENT = "resident-event.schema.json";
    /** The sealed value of a record on checkin.webhook-events.v1. */
    public static final String WEBHOOK_EVENT = "webhook-event.schema.json";

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {
    }

    /** Throws an AssertionError listing every violation when {@code json} does not match the schema. */
    public static void assertValid(String schemaFile, String json) {
        Set<String> problems = violations(schemaFile, json);
        if (!problems.isEmpty()) {
            throw new AssertionError("event does not match docs/events/" + schemaFile + ": " + problems + "\n" + json);
        }
    }

    /** The schema violations of {@code json}; empty when it matches. */
    public static Set<String> violations(String schemaFile, String json) {
        try {
            JsonNode event = JSON.readTree(json);
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(Files.readString(schemaDirectory().resolve(schemaFile)), config);
            return schema.validate(event).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** docs/events of this checkout, found from the module's working directory upwards. */
    public static Path schemaDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs/events");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("docs/events not found above " + Path.of("").toAbsolutePath());
    }
}
