package jp.moshisapo.servers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Keycloak's database for one server: an H2 file in the server's own directory. Creating Keycloak's schema and
 * importing the realm took about 17 of a loaded start's 40 s, so a database with the realm already imported is
 * kept beside the built distribution and copied for each start. It is kept only for the realm file as it is and the
 * default console origin ({@code ./run-local}'s and every service test's): a drill's stack with a console on
 * another port imports the realm as before, since the origin is written into the realm at import.
 */
final class RealmDatabase {

    static final String DEFAULT_CONSOLE_ORIGIN = "http://127.0.0.1:8080";
    private static final String REALM_RESOURCE = "/keycloak/moshisapo-realm.json";
    private static final String NAME = "keycloakdb";

    private RealmDatabase() {
    }

    /** The JDBC URL of the database in {@code dir} (Keycloak's dev-file settings, another place). */
    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve(NAME) + ";NON_KEYWORDS=VALUE";
    }

    /** Where the ready-made database for this origin lives or would live; null when none is kept for it. */
    static Path templateFor(Path home, String consoleOrigin) {
        if (consoleOrigin != null && !DEFAULT_CONSOLE_ORIGIN.equals(consoleOrigin)) {
            return null;
        }
        return home.resolve("realm-databases").resolve(realmKey());
    }

    static void copy(Path template, Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(template)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new ServerStartException("cannot copy Keycloak's database from " + template + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps the database of a server that imported the realm and was stopped (so H2 closed its file) as the
     * template: copied beside it and renamed into place, so a start never copies half a template.
     */
    static void keep(Path dir, Path template) throws IOException {
        Path staging = template.resolveSibling(template.getFileName() + ".part-" + ProcessHandle.current().pid());
        try {
            copy(dir, staging);
            Files.move(staging, template, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (!Files.isDirectory(template)) {
                throw e;
            } // another process kept one first
        } finally {
            TempDirs.delete(staging);
        }
    }

    /** The realm file ({@code deploy/keycloak/moshisapo-realm.json}, on the class path). */
    static byte[] realmFile() {
        try (InputStream realm = RealmDatabase.class.getResourceAsStream(REALM_RESOURCE)) {
            if (realm == null) {
                throw new ServerStartException("realm file " + REALM_RESOURCE + " is not on the classpath");
            }
            return realm.readAllBytes();
        } catch (IOException e) {
            throw new ServerStartException("cannot read the realm file: " + e.getMessage(), e);
        }
    }

    private static String realmKey() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(realmFile()), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
