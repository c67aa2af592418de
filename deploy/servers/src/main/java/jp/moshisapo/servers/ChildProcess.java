package jp.moshisapo.servers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server process started by the project: output goes to a log file, and stopping it (or the JVM exiting)
 * takes the whole process tree down so no orphan is left behind.
 */
public final class ChildProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path logFile;
    private final Thread shutdownHook;

    private ChildProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        this.shutdownHook = new Thread(this::destroyTree, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * The variables a process needs from its parent to run at all; {@link #startIsolated} passes only these, so
     * nothing else in the developer's or CI's environment can stand in for a missing setting.
     */
    private static final List<String> BASIC_ENVIRONMENT = List.of("PATH", "HOME", "LANG", "TMPDIR", "JAVA_HOME");

    /** Starts {@code command} in {@code workDir}, sending stdout and stderr to {@code logFile}. */
    public static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env,
            Path logFile) {
        return start(name, command, workDir, env, logFile, false);
    }

    /**
     * Like {@link #start}, but the process sees {@code env} and the basic variables only (PATH, HOME, …), as a
     * container sees just what its manifest gives it.
     */
    public static ChildProcess startIsolated(String name, List<String> command, Path workDir, Map<String, String> env,
            Path logFile) {
        return start(name, command, workDir, env, logFile, true);
    }

    private static ChildProcess start(String name, List<String> command, Path workDir, Map<String, String> env,
            Path logFile, boolean isolated) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        if (isolated) {
            builder.environment().keySet().retainAll(BASIC_ENVIRONMENT);
        }
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            startOrphanGuard(process.pid());
            return new ChildProcess(name, process, logFile);
        } catch (IOException e) {
            throw new ServerStartException(name + " could not be started (" + command.get(0) + "): " + e.getMessage(), e);
        }
    }

    /**
     * A tiny shell loop that kills the child when this JVM dies without running its shutdown hooks (SIGKILL of a
     * test JVM), so no server outlives the run that started it.
     */
    private static void startOrphanGuard(long childPid) throws IOException {
        long parentPid = ProcessHandle.current().pid();
        String script = "while kill -0 " + parentPid + " 2>/dev/null && kill -0 " + childPid + " 2>/dev/null; "
                + "do sleep 2; done; kill " + childPid + " 2>/dev/null; sleep 10; kill -9 " + childPid
                + " 2>/dev/null; exit 0";
        new ProcessBuilder("sh", "-c", script)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** The java executable of the running JVM, so child JVMs use the same JDK. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** The exit code of a process that has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /** Fails with the tail of the log when the process has already died. */
    public void requireAlive() {
        if (!process.isAlive()) {
            throw new ServerStartException(name + " exited with code " + process.exitValue() + "; last log lines:\n"
                    + logTail(40));
        }
    }

    public String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Sends SIGKILL to the process tree: for drills that simulate a crash. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        waitForExit(Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        destroyTree();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run; nothing left to do
        }
    }

    private void destroyTree() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        if (!waitForExit(Duration.ofSeconds(20))) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(10));
        }
        descendants.forEach(d -> d.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> d).join());
    }

    private boolean waitForExit(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
