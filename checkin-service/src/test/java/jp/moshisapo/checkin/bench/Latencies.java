package jp.moshisapo.checkin.bench;

import java.util.Arrays;

/** Response times of one load thread, in nanoseconds; merged and sorted once at the end. */
final class Latencies {

    private long[] values = new long[1 << 14];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /** The q-quantile in milliseconds of a merged (sorted) set. */
    double millis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(size - 1, Math.ceil(q * size) - 1);
        return values[Math.max(0, index)] / 1e6;
    }
}
