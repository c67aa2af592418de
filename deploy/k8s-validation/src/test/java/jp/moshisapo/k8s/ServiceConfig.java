package jp.moshisapo.k8s;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's own configuration (src/main/resources/application.properties of its module): which environment
 * variables it reads, with which laptop defaults. Profile-specific keys (%test., %dev.) are ignored.
 */
public final class ServiceConfig {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

    private final String service;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> envDefaults = new LinkedHashMap<>();

    private ServiceConfig(String service, Properties raw) {
        this.service = service;
        raw.stringPropertyNames().stream().filter(k -> !k.startsWith("%")).sorted().forEach(key -> {
            String value = raw.getProperty(key);
            properties.put(key, value);
            Matcher m = ENV_REFERENCE.matcher(value);
            while (m.find()) {
                envDefaults.put(m.group(1), m.group(2));
            }
        });
    }

    public static ServiceConfig of(String service) {
        Properties raw = new Properties();
        try (Reader in = Files.newBufferedReader(Repo.applicationProperties(service), StandardCharsets.UTF_8)) {
            raw.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceConfig(service, raw);
    }

    public String service() {
        return service;
    }

    /** Every environment variable the service reads, with its default (null when it has none). */
    public Map<String, String> envDefaults() {
        return envDefaults;
    }

    public boolean reads(String envVar) {
        return envDefaults.containsKey(envVar);
    }

    public Optional<String> property(String key) {
        return Optional.ofNullable(properties.get(key));
    }

    public Map<String, String> properties() {
        return properties;
    }

    /** The variable a property is read from, as in {@code quarkus.http.port=${HTTP_PORT:8081}}. */
    public Optional<String> envVarOf(String key) {
        return property(key).map(ENV_REFERENCE::matcher).filter(Matcher::matches).map(m -> m.group(1));
    }

    /**
     * The value a property takes in a pod with the given environment: the variable's value when the pod sets
     * it, else the default written in the properties.
     */
    public Optional<String> valueIn(String key, Map<String, String> environment) {
        Optional<String> raw = property(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = ENV_REFERENCE.matcher(raw.get());
        if (!m.matches()) {
            return raw;
        }
        return Optional.ofNullable(environment.getOrDefault(m.group(1), m.group(2)));
    }
}
