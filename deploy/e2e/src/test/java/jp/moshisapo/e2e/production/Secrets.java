package jp.moshisapo.e2e.production;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kubernetes Secrets of a drill, by name: those an operator creates by hand, shaped exactly like
 * {@code deploy/k8s/secrets.example.yaml} with every {@code <placeholder>} filled with 32 fresh random bytes
 * (base64), plus those the operators create (Strimzi's user and CA Secrets, CloudNativePG's CA), added by the drill.
 */
final class Secrets {

    private static final Pattern PLACEHOLDER = Pattern.compile("<[^>]*>");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Map<String, String>> byName = new HashMap<>();

    static Secrets fromExample(Path example) {
        Secrets secrets = new Secrets();
        try (MappingIterator<JsonNode> documents = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class)
                .readValues(example.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || !"Secret".equals(document.path("kind").asText())) {
                    continue;
                }
                Map<String, String> data = new LinkedHashMap<>();
                document.path("stringData").fields().forEachRemaining(entry ->
                        data.put(entry.getKey(), fill(entry.getValue().asText())));
                secrets.put(document.at("/metadata/name").asText(), data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return secrets;
    }

    void put(String name, Map<String, String> data) {
        byName.put(name, Map.copyOf(data));
    }

    Map<String, String> get(String name) {
        Map<String, String> secret = byName.get(name);
        if (secret == null) {
            throw new AssertionError("no Secret " + name);
        }
        return secret;
    }

    String value(String name, String key) {
        String value = get(name).get(key);
        if (value == null) {
            throw new AssertionError("Secret " + name + " has no key " + key);
        }
        return value;
    }

    Map<String, Map<String, String>> all() {
        return Map.copyOf(byName);
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String fill(String example) {
        Matcher placeholder = PLACEHOLDER.matcher(example);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(random()));
        }
        return placeholder.appendTail(filled).toString();
    }
}
