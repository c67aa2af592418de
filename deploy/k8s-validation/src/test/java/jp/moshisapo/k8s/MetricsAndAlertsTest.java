package jp.moshisapo.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each service is scraped, every metric an alert relies on is named in docs/metrics.txt (the list a scrape test
 * holds the services to) or explained in docs/operations.md, and every alert is explained there too.
 */
class MetricsAndAlertsTest {

    private static final Pattern METRIC_LINE = Pattern.compile("([a-z-]+) ([a-z_:][a-z0-9_:]*)((?: [a-z_]+)*)");
    /** A metric selected in PromQL: a name directly followed by a label matcher or a range. */
    private static final Pattern SELECTED_METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*[{\\[]");
    /** Metrics the services themselves expose (the rest come from operators, kube-state-metrics, kubelet). */
    private static final Pattern SERVICE_METRIC = Pattern.compile("(moshisapo_|http_server_|kafka_consumer_fetch_).*");

    @Test
    void metricsListNamesTheFourServicesAndPrometheusNames() {
        List<String> lines = metricLines();
        assertTrue(!lines.isEmpty(), "docs/metrics.txt lists no metric");
        for (String line : lines) {
            Matcher m = METRIC_LINE.matcher(line);
            assertTrue(m.matches(), "docs/metrics.txt: '" + line + "' is not '<service> <metric> [<label>...]'");
            assertTrue(Services.ALL.contains(m.group(1)), "docs/metrics.txt: unknown service " + m.group(1));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyMetricAnAlertUsesIsListedOrExplained(String overlay) {
        Set<String> listed = listedMetrics();
        String operations = read("operations.md");
        List<String> problems = new ArrayList<>();
        for (JsonNode rule : rules(Overlays.render(overlay))) {
            Matcher m = SELECTED_METRIC.matcher(rule.path("expr").asText());
            while (m.find()) {
                String metric = m.group(1);
                if (SERVICE_METRIC.matcher(metric).matches() ? !listed.contains(metric)
                        : !operations.contains("`" + metric + "`")) {
                    problems.add(rule.path("alert").asText() + " uses " + metric);
                }
            }
        }
        assertEquals(List.of(), problems, "metrics used by alerts but missing from docs/metrics.txt or "
                + "docs/operations.md");
    }

    @Test
    void everyListedMetricIsExplainedInOperations() {
        String operations = read("operations.md");
        for (String metric : listedMetrics()) {
            String family = metric.replaceAll("_(count|bucket|sum)$", "");
            assertTrue(operations.contains("`" + family), "docs/operations.md does not explain " + family);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyAlertSaysHowBadItIsAndIsExplainedInOperations(String overlay) {
        String operations = read("operations.md");
        for (JsonNode rule : rules(Overlays.render(overlay))) {
            String alert = rule.path("alert").asText();
            assertTrue(Set.of("critical", "warning").contains(rule.at("/labels/severity").asText()),
                    alert + " has no severity critical|warning");
            assertTrue(!rule.at("/annotations/summary").asText().isBlank()
                    && !rule.at("/annotations/description").asText().isBlank(), alert + " needs summary and description");
            assertTrue(operations.contains("`" + alert + "`"), "docs/operations.md, \"Alerts\", does not explain " + alert);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void everyServiceIsScrapedOnItsManagementPortUnderItsOwnJobName(String overlay) {
        Rendered rendered = Overlays.render(overlay);
        for (String service : Services.ALL) {
            JsonNode monitor = rendered.get("ServiceMonitor", service);
            JsonNode management = rendered.get("Service", service + "-management");
            assertTrue(NetworkPolicies.matches(monitor.at("/spec/selector"), labels(management)),
                    "ServiceMonitor " + service + " must select Service " + service + "-management");
            assertTrue(rendered.ofKind("Service").filter(s -> s != management)
                    .noneMatch(s -> NetworkPolicies.matches(monitor.at("/spec/selector"), labels(s))),
                    "ServiceMonitor " + service + " selects more than the management Service");
            assertEquals("management", monitor.at("/spec/endpoints/0/port").asText());
            assertEquals("/q/metrics", monitor.at("/spec/endpoints/0/path").asText());
            String jobLabel = monitor.at("/spec/jobLabel").asText();
            assertEquals(service, management.at("/metadata/labels").path(jobLabel).asText(),
                    service + ": the alerts select job=\"" + service + "\"");
        }
    }

    private static Map<String, String> labels(JsonNode object) {
        Map<String, String> labels = new HashMap<>();
        object.at("/metadata/labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    private static List<JsonNode> rules(Rendered rendered) {
        List<JsonNode> rules = new ArrayList<>();
        rendered.ofKind("PrometheusRule").forEach(r -> r.at("/spec/groups").forEach(g -> g.path("rules")
                .forEach(rules::add)));
        return rules;
    }

    private static Set<String> listedMetrics() {
        Set<String> metrics = new TreeSet<>();
        metricLines().forEach(line -> metrics.add(line.split(" ")[1]));
        return metrics;
    }

    private static List<String> metricLines() {
        return read("metrics.txt").lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }

    private static String read(String doc) {
        try {
            return Files.readString(Repo.docs(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
