package jp.moshisapo.e2e.privacy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads every log file under some directories line by line and reports each line holding a LINE user id, an
 * X-Line-Signature, a value of the shape of one, or one of the known secrets (access token, channel secret,
 * management tokens, keys). A hit names file and line and shows the value masked: the scan must not print what it
 * exists to keep out of logs.
 */
public final class LogScan {

    /** LINE user ids: U + 32 lower-case hex (LINE's documented format). */
    private static final Pattern LINE_USER_ID = Pattern.compile("(?<![0-9A-Za-z])U[0-9a-f]{32}(?![0-9A-Za-z])");
    /** The header with any value after it, however a logger or a dumped request renders it. */
    private static final Pattern SIGNATURE_HEADER =
            Pattern.compile("(?i)x-line-signature[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9+/=]{8,})");
    /**
     * Base64 of exactly 32 bytes (43 characters and one '='): the shape of every X-Line-Signature (an HMAC-SHA256),
     * and of a 256-bit key. Nothing the services log legitimately has this shape.
     */
    private static final Pattern BASE64_OF_32_BYTES =
            Pattern.compile("(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])");

    /** A hit: the file, the 1-based line, what was found there, and the value masked. */
    public record Hit(Path file, int line, String what, String masked) {

        @Override
        public String toString() {
            return file + ":" + line + ": " + what + " " + masked;
        }
    }

    /** What a scan covered, so a drill can tell a clean result from a scan that read nothing. */
    public record Result(List<Hit> hits, List<Path> files, long lines) {
    }

    private final Map<String, String> secrets = new LinkedHashMap<>();

    /** Also report every occurrence of {@code value}, named {@code what} (e.g. "channel access token"). */
    public LogScan secret(String what, String value) {
        if (value != null && !value.isBlank()) {
            secrets.put(value, what);
        }
        return this;
    }

    /** Scans every regular file named {@code *.log} under the given directories (those that exist). */
    public Result scan(List<Path> directories) {
        List<Path> files = new ArrayList<>();
        for (Path dir : directories) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".log"))
                            .sorted().forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        List<Hit> hits = new ArrayList<>();
        long lines = 0;
        for (Path file : files) {
            lines += scan(file, hits);
        }
        return new Result(hits, files, lines);
    }

    private long scan(Path file, List<Hit> hits) {
        // InputStreamReader replaces malformed bytes instead of failing: a log may hold anything.
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                StandardCharsets.UTF_8))) {
            int number = 0;
            String line;
            while ((line = reader.readLine()) != null) {
                number++;
                scanLine(file, number, line, hits);
            }
            return number;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void scanLine(Path file, int number, String line, List<Hit> hits) {
        find(LINE_USER_ID, 0, line, "LINE user id", file, number, hits);
        find(SIGNATURE_HEADER, 1, line, "X-Line-Signature value", file, number, hits);
        find(BASE64_OF_32_BYTES, 0, line, "32-byte Base64 value (the shape of an X-Line-Signature or a key)", file,
                number, hits);
        secrets.forEach((value, what) -> {
            if (line.contains(value)) {
                hits.add(new Hit(file, number, what, mask(value)));
            }
        });
    }

    private static void find(Pattern pattern, int group, String line, String what, Path file, int number,
            List<Hit> hits) {
        Matcher m = pattern.matcher(line);
        while (m.find()) {
            hits.add(new Hit(file, number, what, mask(m.group(group))));
        }
    }

    /** The first four characters and the length: enough to find the value again, useless to anyone else. */
    public static String mask(String value) {
        return value.substring(0, Math.min(4, value.length())) + "…(" + value.length() + " chars)";
    }
}
