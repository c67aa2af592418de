package jp.moshisapo.checkin.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by each part of the benchmark (this JVM, the processes it started, and the PostgreSQL server,
 * which daemonizes and so is found by its port), so the cost of a check-in can be stated even when other work
 * shares the machine.
 */
record CpuUse(Map<String, Duration> byPart) {

    static CpuUse now(long servicePid, int postgresPort) {
        Map<String, Duration> parts = new LinkedHashMap<>();
        ProcessHandle self = ProcessHandle.current();
        add(parts, "load generator + LINE simulator", Stream.of(self));
        self.descendants().forEach(process -> {
            if (process.pid() == servicePid) {
                add(parts, "checkin-service", Stream.of(process));
            } else if (process.info().command().orElse("").endsWith("java")) {
                add(parts, "Kafka", Stream.of(process));
            }
        });
        ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("postgres")
                        && p.info().commandLine().orElse("").contains("-p " + postgresPort + " "))
                .forEach(postmaster -> add(parts, "PostgreSQL",
                        Stream.concat(Stream.of(postmaster), postmaster.descendants())));
        return new CpuUse(parts);
    }

    /** CPU used since {@code before}, per part. */
    Map<String, Duration> since(CpuUse before) {
        Map<String, Duration> used = new LinkedHashMap<>();
        byPart.forEach((part, cpu) -> used.put(part, cpu.minus(before.byPart.getOrDefault(part, Duration.ZERO))));
        return used;
    }

    private static void add(Map<String, Duration> parts, String part, Stream<ProcessHandle> processes) {
        processes.forEach(process -> parts.merge(part,
                process.info().totalCpuDuration().orElse(Duration.ZERO), Duration::plus));
    }
}
