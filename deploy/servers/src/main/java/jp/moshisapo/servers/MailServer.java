package jp.moshisapo.servers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real SMTP server (GreenMail standalone, a child JVM from the jar on Maven Central) that accepts mail for any
 * address and keeps it in memory. Its HTTP API doubles as the local web inbox: {@code <apiUrl>/} shows the API,
 * {@code <apiUrl>/api/user/<address>/messages/} lists what an address received. Mail is read back through the
 * same API ({@link #inbox}), as raw MIME parsed by Jakarta Mail: tests see exactly what a mail client would.
 */
public final class MailServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int smtpPort;
    private final int imapPort;
    private final int apiPort;
    private final Path runDir;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ChildProcess process;

    private MailServer(int smtpPort, int imapPort, int apiPort, Path runDir) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.apiPort = apiPort;
        this.runDir = runDir;
    }

    /** Starts a server on free ports. */
    public static MailServer start() {
        return start(0, 0);
    }

    /** Starts a server with SMTP on {@code smtpPort} and its web inbox on {@code apiPort} (0 = a free one). */
    public static MailServer start(int smtpPort, int apiPort) {
        MailServer server = new MailServer(Ports.freeOrRequested(smtpPort, "SMTP"), Ports.free(),
                Ports.freeOrRequested(apiPort, "the mail web inbox"), TempDirs.create("smtp"));
        try {
            server.launch();
            return server;
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
    }

    public String host() {
        return "127.0.0.1";
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    /** The web inbox and API, e.g. {@code http://127.0.0.1:3980}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + apiPort;
    }

    /** Stops the server, as an outage of the mail relay does: SMTP connections are refused until {@link #resume}. */
    public void stopForOutage() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** Starts the server again on the same ports after {@link #stopForOutage} (with an empty store). */
    public void resume() {
        if (process == null) {
            launch();
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** What {@code address} received so far, oldest first. */
    public List<MimeMessage> inbox(String address) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/user/"
                            + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 404 || answer.statusCode() == 400) {
                return List.of(); // GreenMail knows a user only once a mail reached it
            }
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("mail API answered " + answer.statusCode() + ": " + answer.body());
            }
            Session session = Session.getInstance(new Properties());
            List<MimeMessage> messages = new ArrayList<>();
            for (JsonNode message : JSON.readTree(answer.body())) {
                messages.add(new MimeMessage(session, new ByteArrayInputStream(
                        message.get("mimeMessage").asText().getBytes(StandardCharsets.UTF_8))));
            }
            return messages;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException("cannot read the inbox of a test address: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Deletes every stored mail. */
    public void purge() {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/mail/purge"))
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("purge answered " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot purge the mail server: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void launch() {
        List<String> command = List.of(ChildProcess.javaExecutable(), "-Xmx128m",
                "-Dgreenmail.hostname=127.0.0.1",
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.imap.hostname=127.0.0.1", "-Dgreenmail.imap.port=" + imapPort,
                // Any address may receive; no login needed (the local relay, like a test inbox, takes all mail).
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + apiPort,
                "-jar", Distributions.greenmailJar().toString());
        process = ChildProcess.start("smtp", command, runDir, Map.of(), runDir.resolve("greenmail.log"));
        Wait.until("SMTP server on 127.0.0.1:" + smtpPort, START_TIMEOUT, () -> {
            process.requireAlive();
            return Ports.isOpen(smtpPort) && ready();
        });
    }

    private boolean ready() {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(apiUrl() + "/api/service/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stopForOutage();
        TempDirs.delete(runDir);
    }

    @Override
    public String toString() {
        return "SMTP server on 127.0.0.1:" + smtpPort;
    }
}
