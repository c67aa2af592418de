package jp.moshisapo.facility.poster;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jp.moshisapo.facility.code.CodeLinks;
import jp.moshisapo.facility.support.TestConfig;
import jp.moshisapo.protocol.code.PrintedCode;

/**
 * Poster benchmark (a command, not a test): single posters per second on one thread, the size of one poster,
 * and the time and size of a 100-room PDF. Run:
 *
 * <pre>
 * ./mvnw -B -pl facility-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=jp.moshisapo.facility.poster.PosterBenchmark [-Dexec.args="2000 20"]
 * </pre>
 *
 * Arguments: number of single posters (default 1000), number of 100-room PDFs (default 10).
 */
public final class PosterBenchmark {

    private PosterBenchmark() {
    }

    public static void main(String[] args) {
        // PDFBox warns about the font's format 14 cmap each time it parses it; the service sets this level too.
        java.util.logging.Logger.getLogger("org.apache.fontbox.ttf.CmapSubtable").setLevel(java.util.logging.Level.SEVERE);
        int singles = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int bundles = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        PosterRenderer renderer = new PosterRenderer(PosterFont.load(),
                PosterWording.from(TestConfig.facility().prefecture()));
        CodeLinks links = new CodeLinks(TestConfig.PUBLIC_BASE_URL);
        SecureRandom random = new SecureRandom();

        System.out.printf("warming up…%n");
        for (int i = 0; i < 200; i++) {
            renderer.render(poster(links, random, i));
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] single = new long[singles];
        long size = 0;
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < singles; i++) {
            long t0 = System.nanoTime();
            size = renderer.render(poster(links, random, i)).length;
            single[i] = System.nanoTime() - t0;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf("single posters: %d in %.2f s = %.1f posters/s (1 thread); p50 %.1f ms, p99 %.1f ms%n",
                singles, seconds, singles / seconds, percentile(single, 50), percentile(single, 99));
        // On a shared machine wall time includes waiting for a core; CPU time is what a poster costs.
        System.out.printf("  CPU time: %.2f ms per poster = %.1f posters/s per core%n",
                cpuSeconds * 1000 / singles, singles / cpuSeconds);
        System.out.printf("one poster: %d bytes (%.1f KB)%n", size, size / 1024.0);

        long[] bundle = new long[bundles];
        long[] bundleCpu = new long[bundles];
        long bundleSize = 0;
        for (int run = 0; run < bundles; run++) {
            List<Poster> posters = new ArrayList<>();
            for (int room = 0; room < 100; room++) {
                posters.add(poster(links, random, room));
            }
            long t0 = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            bundleSize = renderer.renderAll(posters, "もしサポ会館").length;
            bundle[run] = System.nanoTime() - t0;
            bundleCpu[run] = threads.getCurrentThreadCpuTime() - c0;
        }
        System.out.printf("100-room PDF: %d runs; p50 %.0f ms, max %.0f ms; %d bytes (%.1f KB)%n", bundles,
                percentile(bundle, 50), percentile(bundle, 100), bundleSize, bundleSize / 1024.0);
        System.out.printf("  CPU time: p50 %.0f ms, max %.0f ms%n", percentile(bundleCpu, 50),
                percentile(bundleCpu, 100));
        // Lines the project's bench script collects into docs/performance.md.
        System.out.printf("RESULT | single posters, wall time (1 thread) | %.0f posters/s | ≥ 100/s%n",
                singles / seconds);
        System.out.printf("RESULT | single posters, CPU time | %.0f posters/s per core | ≥ 100/s%n",
                singles / cpuSeconds);
        System.out.printf("RESULT | one poster | %.0f KB | ≤ 150 KB%n", size / 1024.0);
        System.out.printf("RESULT | 100-room PDF, wall time | p50 %.2f s, max %.2f s | ≤ 3 s%n",
                percentile(bundle, 50) / 1000, percentile(bundle, 100) / 1000);
        System.out.printf("machine: %d cores, load average %.1f, Java %s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"));
    }

    private static Poster poster(CodeLinks links, SecureRandom random, int room) {
        PrintedCode code = PrintedCode.generate(random);
        return new Poster("盛岡もしサポ食堂 大通り店", "テーブル " + (room + 1), code, links.checkin(code));
    }

    private static double percentile(long[] nanos, int percentile) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.min(sorted.length - 1, (int) Math.ceil(percentile / 100.0 * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }
}
