package jp.moshisapo.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What a stack starts and where: every external address and secret comes from {@code env} when given (then the
 * stack uses it instead of starting its own server), otherwise from local defaults.
 *
 * @param root the repository checkout (service jars are found under it)
 * @param env the environment to read overrides from; every variable in it also reaches the services (their own
 *            settings, e.g. the gateway's {@code RATE_*_PER_MINUTE})
 * @param ports the ports to use
 * @param logDir where each process writes its log
 */
public record StackSettings(Path root, Map<String, String> env, Ports ports, Path logDir) {

    /** The settings of {@code ./run-local}: standard ports, this process's environment. */
    public static StackSettings local(Path root) {
        return new StackSettings(root, System.getenv(), Ports.standard(),
                root.resolve("deploy/local-stack/target/logs"));
    }

    Optional<String> given(String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    /**
     * How many replicas of each service to run ({@code STACK_REPLICAS}, 1 to 3; default 1). With more than one, each
     * service's port is served by a {@link ServiceBalancer} in front of its replicas, as a Kubernetes Service is.
     */
    int replicas() {
        int replicas = given("STACK_REPLICAS").map(String::trim).map(Integer::parseInt).orElse(1);
        if (replicas < 1 || replicas > 3) {
            throw new IllegalArgumentException("STACK_REPLICAS must be 1, 2 or 3, not " + replicas);
        }
        return replicas;
    }

    String getOrDefault(String name, String fallback) {
        return given(name).orElse(fallback);
    }

    Path serviceJar(App app) {
        return root.resolve(app.module).resolve("target/quarkus-app/quarkus-run.jar");
    }
}
