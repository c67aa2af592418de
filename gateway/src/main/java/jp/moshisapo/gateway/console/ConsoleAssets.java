package jp.moshisapo.gateway.console;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's static files, read from the classpath ({@code console/}) once at startup and kept in memory (a few
 * tens of KB). Only the files listed here are served: nothing else on the classpath can be reached by a crafted
 * path, and a missing file stops the gateway at startup rather than breaking the page for staff.
 */
public final class ConsoleAssets {

    /** One file: its bytes and the Content-Type it is served with. */
    public record Asset(Buffer body, String contentType) {
    }

    /** Chart.js, unpacked from its webjar at build time (gateway/pom.xml); not in git. */
    static final String CHART_JS = "vendor/chart.umd.min.js";

    static final List<String> FILES = List.of("index.html", "console.css", "app.js", "api.js", "auth.js",
            "i18n.js", "views.js", "search.js", "dom.js", "stats.js", "notices.js", CHART_JS);

    private final Map<String, Asset> assets = new HashMap<>();

    private ConsoleAssets() {
    }

    public static ConsoleAssets load() {
        ConsoleAssets loaded = new ConsoleAssets();
        for (String file : FILES) {
            loaded.assets.put(file, new Asset(Buffer.buffer(read("console/" + file)), contentType(file)));
        }
        return loaded;
    }

    /** The file for a name relative to /console/ ("" is the page itself). */
    public Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name.isEmpty() ? "index.html" : name));
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("console file missing from the gateway's resources: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentType(String file) {
        if (file.endsWith(".html")) {
            return "text/html; charset=utf-8";
        }
        if (file.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        }
        if (file.endsWith(".css")) {
            return "text/css; charset=utf-8";
        }
        throw new IllegalArgumentException("no content type for " + file);
    }
}
