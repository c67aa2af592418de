package jp.moshisapo.checkin.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;

/** One scrape of the service's /q/metrics: sample name with labels → value. */
record ServiceMetrics(Map<String, Double> samples) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static ServiceMetrics scrape(int managementPort) {
        try {
            String text = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + managementPort + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> samples = new TreeMap<>();
            text.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).forEach(line -> {
                int space = line.lastIndexOf(' ');
                samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            });
            return new ServiceMetrics(samples);
        } catch (IOException e) {
            throw new IllegalStateException("cannot scrape the service's metrics", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    double value(String sample) {
        return samples.getOrDefault(sample, 0.0);
    }

    /**
     * The q-quantile, in ms, of what a Prometheus histogram recorded between {@code before} and this scrape: the
     * upper bound of the first bucket holding the q-th observation.
     */
    double quantileMillisSince(ServiceMetrics before, String histogram, double q) {
        String prefix = histogram + "_bucket{";
        Map<Double, Double> counts = new TreeMap<>();
        samples.forEach((sample, count) -> {
            if (sample.startsWith(prefix) && !sample.contains("le=\"+Inf\"")) {
                double le = Double.parseDouble(sample.replaceAll(".*le=\"([^\"]+)\".*", "$1"));
                counts.put(le, count - before.value(sample));
            }
        });
        double total = value(histogram + "_count") - before.value(histogram + "_count");
        for (Map.Entry<Double, Double> bucket : counts.entrySet()) {
            if (bucket.getValue() >= q * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
