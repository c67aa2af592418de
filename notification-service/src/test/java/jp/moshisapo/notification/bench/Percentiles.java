package jp.moshisapo.notification.bench;

import java.util.Arrays;

/** Latency samples in milliseconds and their p50/p99/max. */
final class Percentiles {

    private final double[] samples;
    private int count;

    Percentiles(int capacity) {
        samples = new double[capacity];
    }

    void add(long nanos) {
        samples[count++] = nanos / 1e6;
    }

    double percentile(double p) {
        double[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return sorted[Math.min(count - 1, (int) Math.ceil(p / 100.0 * count) - 1)];
    }

    String summary() {
        return String.format("n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms", count, percentile(50), percentile(99),
                percentile(100));
    }
}
