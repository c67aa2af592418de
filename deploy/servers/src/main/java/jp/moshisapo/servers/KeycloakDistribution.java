package jp.moshisapo.servers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Keycloak's Maven Central distribution ({@code keycloak-quarkus-dist} zip) prepared for fast starts: unpacked once
 * per version into {@code ~/.cache/moshisapo}, then built once per set of build options ({@code kc.sh build}) into a
 * copy of its own. Every server of the project starts such a copy with {@code kc.sh start --optimized}: without the
 * Quarkus re-augmentation that {@code start-dev} (and a non-optimized start) runs at every start, a start is about
 * twice as fast, and the built copy is never rewritten, so concurrent instances can share it.
 */
final class KeycloakDistribution {

    private static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "moshisapo");
    private static final String BUILT_MARKER = ".moshisapo-built";

    private KeycloakDistribution() {
    }

    /** The unpacked distribution after {@code kc.sh build} with {@code buildOptions}, built on first use. */
    static synchronized Path built(List<String> buildOptions) {
        Path pristine = unpacked();
        Path built = pristine.resolveSibling(pristine.getFileName() + "-built-" + optionsKey(buildOptions));
        Path marker = built.resolve(BUILT_MARKER);
        if (Files.exists(marker)) {
            return built;
        }
        Path staging = pristine.resolveSibling(built.getFileName() + ".building-" + ProcessHandle.current().pid());
        try {
            copyTree(pristine, staging);
            runBuild(staging, buildOptions);
            Files.writeString(staging.resolve(BUILT_MARKER), String.join(" ", buildOptions));
            Files.move(staging, built, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.exists(marker)) {
                throw new ServerStartException("cannot build Keycloak into " + built + ": " + e.getMessage(), e);
            }
        } finally {
            TempDirs.delete(staging);
        }
        return built;
    }

    /** Unzips the distribution once per version (atomically, via a rename). */
    private static Path unpacked() {
        Path zip = Distributions.keycloakZip();
        String version = zip.getFileName().toString().replace(".zip", "");
        Path home = CACHE.resolve(version);
        if (Files.isExecutable(home.resolve("bin/kc.sh"))) {
            return home;
        }
        Path staging = CACHE.resolve(version + ".unpacking-" + ProcessHandle.current().pid());
        try {
            Files.createDirectories(staging);
            unzip(zip, staging);
            try (var top = Files.list(staging)) {
                Path root = top.filter(Files::isDirectory).findFirst()
                        .orElseThrow(() -> new ServerStartException("empty Keycloak distribution " + zip));
                Files.move(root, home, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
                throw new ServerStartException("cannot unpack Keycloak into " + home + ": " + e.getMessage(), e);
            }
        } finally {
            TempDirs.delete(staging);
        }
        return home;
    }

    private static void runBuild(Path home, List<String> buildOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(buildOptions);
        Path log = home.resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process build = builder.start();
        try {
            if (!build.waitFor(8, TimeUnit.MINUTES)) {
                build.destroyForcibly();
                throw new ServerStartException("kc.sh build did not finish within 8 minutes");
            }
        } catch (InterruptedException e) {
            build.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new ServerStartException("interrupted while building Keycloak", e);
        }
        if (build.exitValue() != 0) {
            throw new ServerStartException("kc.sh build failed with " + build.exitValue() + ":\n"
                    + Files.readString(log));
        }
    }

    private static String optionsKey(List<String> buildOptions) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(" ", buildOptions).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                    if (entry.getName().endsWith(".sh")) {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
        }
    }
}
