package jp.moshisapo.k8s.strict;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.moshisapo.k8s.Yaml;

/**
 * Custom resources (Strimzi, CloudNativePG, Keycloak, Prometheus Operator) against this project's own sanity
 * schemas in src/test/resources/crd-schemas: unknown fields, wrong types and values outside the allowed
 * ones fail.
 */
public final class CustomResources {

    private static final String DIRECTORY = "/crd-schemas/";
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private CustomResources() {
    }

    /** The schema file for this object's apiVersion and kind (group_version_Kind.yaml). */
    public static String schemaFile(JsonNode object) {
        return object.path("apiVersion").asText().replace('/', '_') + "_" + object.path("kind").asText() + ".yaml";
    }

    public static List<String> problems(JsonNode object) {
        String file = schemaFile(object);
        JsonSchema schema = SCHEMAS.computeIfAbsent(file, CustomResources::load);
        if (schema == null) {
            return List.of("no sanity schema for this kind: add deploy/k8s-validation/src/test/resources"
                    + DIRECTORY + file);
        }
        return schema.validate(object).stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static JsonSchema load(String file) {
        JsonNode schema = read(file);
        if (schema == null) {
            return null;
        }
        ObjectNode defs = ((ObjectNode) schema).withObject("/$defs");
        read("common.yaml").get("$defs").fields().forEachRemaining(def -> {
            if (!defs.has(def.getKey())) {
                defs.set(def.getKey(), def.getValue());
            }
        });
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema);
    }

    private static JsonNode read(String file) {
        try (InputStream in = CustomResources.class.getResourceAsStream(DIRECTORY + file)) {
            return in == null ? null : Yaml.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
