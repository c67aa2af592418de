package jp.moshisapo.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack starts and where: every external address and secret comes from the environment when given
 * (then the stack uses it instead of starting its own server), otherwise from local defaults.
 */
record StackSettings(Path root, Map<String, String> env) {

    static final int GATEWAY_PORT = 8080;
    static final int KAFKA_PORT = 19092;
    static final int POSTGRES_PORT = 15432;
    static final int KEYCLOAK_PORT = 8180;
    static final int SIMULATOR_PORT = 8090;

    Optional<String> given(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    String getOrDefault(String name, String fallback) {
        return given(name).orElse(fallback);
    }

    Path logDir() {
        return root.resolve("deploy/local-stack/target/logs");
    }

    Path serviceJar(String module) {
        return root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
