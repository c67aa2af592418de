package jp.moshisapo.k8s;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths of this checkout: the manifests, the services' configuration and the docs the checks compare. */
public final class Repo {

    /** The checkout's root: the {@code moshisapo.root} system property (set by the pom), else found upwards. */
    public static final Path ROOT = findRoot();

    private Repo() {
    }

    public static Path k8s() {
        return ROOT.resolve("deploy/k8s");
    }

    public static Path overlay(String name) {
        return k8s().resolve("overlays").resolve(name);
    }

    public static Path applicationProperties(String service) {
        return ROOT.resolve(service).resolve("src/main/resources/application.properties");
    }

    public static Path docs(String file) {
        return ROOT.resolve("docs").resolve(file);
    }

    private static Path findRoot() {
        String configured = System.getProperty("moshisapo.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s/base"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/k8s not found above " + Path.of("").toAbsolutePath());
    }
}
