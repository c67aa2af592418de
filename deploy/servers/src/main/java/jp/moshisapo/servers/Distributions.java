package jp.moshisapo.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Where the build put the server distributions: module {@code server-dists} records the Kafka jars' classpath and
 * the Keycloak zip's and the GreenMail jar's paths (all in the local Maven repository) as resources.
 */
final class Distributions {

    private Distributions() {
    }

    static String kafkaClasspath() {
        String classpath = resource("kafka.classpath");
        Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(entry -> !Files.exists(Path.of(entry)))
                .findFirst()
                .ifPresent(missing -> {
                    throw new ServerStartException("Kafka jar " + missing + " is missing; run ./mvnw install so "
                            + "Maven downloads it");
                });
        return classpath;
    }

    static Path keycloakZip() {
        Path zip = Path.of(resource("keycloak.zip.path"));
        if (!Files.isRegularFile(zip)) {
            throw new ServerStartException("Keycloak distribution " + zip + " is missing; run ./mvnw install so "
                    + "Maven downloads it");
        }
        return zip;
    }

    static Path greenmailJar() {
        Path jar = Path.of(resource("greenmail.jar.path"));
        if (!Files.isRegularFile(jar)) {
            throw new ServerStartException("GreenMail jar " + jar + " is missing; run ./mvnw install so Maven "
                    + "downloads it");
        }
        return jar;
    }

    private static String resource(String name) {
        try (InputStream in = Distributions.class.getResourceAsStream("/jp/moshisapo/dists/" + name)) {
            if (in == null) {
                throw new ServerStartException("resource " + name + " not found: build module deploy/server-dists "
                        + "(./mvnw install) before starting servers");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new ServerStartException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }
}
