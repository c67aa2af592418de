package jp.moshisapo.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import jp.moshisapo.stack.App;
import org.junit.jupiter.api.Test;

/** The metrics operators alert on (docs/metrics.txt) are really exposed on each service's management port. */
class MetricsScrapeIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyMetricInTheOperationsListIsExposedWithItsLabels() throws Exception {
        TestStack.get();
        for (App app : App.values()) {
            get(TestStack.get().ports().url(app) + "/no-such-page"); // one request, so http_server_* exists
        }
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(root().resolve("docs/metrics.txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.trim().split("\\s+");
            App app = Arrays.stream(App.values()).filter(a -> a.module.equals(fields[0])).findFirst().orElseThrow();
            String scrape = get(TestStack.get().ports().managementUrl(app) + "/q/metrics");
            if (!exposes(scrape, fields[1], Arrays.copyOfRange(fields, 2, fields.length))) {
                missing.add(line);
            }
        }
        assertTrue(missing.isEmpty(), "not exposed: " + missing);
    }

    private static boolean exposes(String scrape, String sample, String[] labels) {
        Pattern samplePattern = Pattern.compile("(?m)^" + Pattern.quote(sample) + "(\\{[^}]*})?\\s");
        return scrape.lines().anyMatch(l -> samplePattern.matcher(l + " ").find()
                && Arrays.stream(labels).allMatch(label -> l.contains(label + "=\"")));
    }

    private String get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Path root() {
        return Path.of(System.getProperty("moshisapo.root", "../..")).toAbsolutePath().normalize();
    }
}
