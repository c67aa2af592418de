package jp.moshisapo.notification.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time used by each process of a benchmark between two moments: the service, this JVM (the LINE simulator and
 * the load generator) and PostgreSQL (all its processes). On a machine where they share the cores, this says more
 * about a change than the wall time, which moves with whatever else the cores are doing.
 */
final class CpuTimes {

    private final Map<String, Duration> used;

    private CpuTimes(Map<String, Duration> used) {
        this.used = used;
    }

    static CpuTimes now(long servicePid) {
        Map<String, Duration> used = new LinkedHashMap<>();
        used.put("service", cpu(ProcessHandle.of(servicePid).orElseThrow()));
        used.put("simulator + benchmark", cpu(ProcessHandle.current()));
        used.put("PostgreSQL", ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(CpuTimes::cpu).reduce(Duration.ZERO, Duration::plus));
        return new CpuTimes(used);
    }

    /** "service 8.1 s, simulator + benchmark 3.9 s, PostgreSQL 3.4 s" for the time since {@code before}. */
    String since(CpuTimes before) {
        StringBuilder line = new StringBuilder();
        used.forEach((name, total) -> line.append(line.isEmpty() ? "" : ", ").append(name).append(' ')
                .append(String.format("%.1f s", (total.toMillis() - before.used.get(name).toMillis()) / 1000.0)));
        return line.toString();
    }

    private static Duration cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }
}
