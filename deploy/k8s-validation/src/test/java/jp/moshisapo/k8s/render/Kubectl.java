package jp.moshisapo.k8s.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code kubectl kustomize}, where kubectl is installed. It renders offline: no cluster is contacted. */
public final class Kubectl {

    private static final long TIMEOUT_SECONDS = 60;
    private static Boolean available;

    private Kubectl() {
    }

    /** Whether a kubectl that can run {@code kustomize} is on the PATH. */
    public static synchronized boolean available() {
        if (available == null) {
            try {
                available = run(List.of("kubectl", "version", "--client")).exitCode() == 0;
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    public static String kustomize(Path directory) {
        try {
            Result result = run(List.of("kubectl", "kustomize", directory.toString()));
            if (result.exitCode() != 0) {
                throw new IllegalStateException("kubectl kustomize " + directory + " failed:\n" + result.errors());
            }
            return result.output();
        } catch (IOException e) {
            throw new IllegalStateException("kubectl kustomize " + directory + " could not run", e);
        }
    }

    private record Result(int exitCode, String output, String errors) {
    }

    private static Result run(List<String> command) throws IOException {
        Path out = Files.createTempFile("kubectl", ".out");
        Path err = Files.createTempFile("kubectl", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish in "
                        + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
