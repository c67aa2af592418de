package jp.moshisapo.servers;

import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point for child JVMs (Kafka): runs the real main class and exits when the JVM that started it is gone,
 * so a killed test run never leaves a broker behind.
 * Usage: {@code java -cp ... jp.moshisapo.servers.ParentWatch <parent pid> <main class> <args...>}.
 */
public final class ParentWatch {

    private ParentWatch() {
    }

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        Thread watcher = new Thread(() -> {
            ProcessHandle.of(parentPid).ifPresent(parent -> parent.onExit().join());
            Runtime.getRuntime().halt(3);
        }, "parent-watch");
        watcher.setDaemon(true);
        watcher.start();
        Method main = Class.forName(args[1]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 2, args.length));
    }
}
