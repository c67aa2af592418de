package jp.moshisapo.checkin.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import jp.moshisapo.linesim.webhook.SignedWebhook;

/**
 * The load generator's own webhook client: one kept-alive HTTP/1.1 connection per resident thread, written and
 * read with blocking socket I/O. It costs a fraction of the JDK {@code HttpClient}'s CPU (its selector thread,
 * futures and header maps), which is the load generator's, not the service's, and so only hid the service's cost.
 * It posts what the LINE simulator signed ({@link SignedWebhook}); no redelivery: a failed post is counted.
 */
final class WebhookPoster implements Closeable {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final URI webhookUrl;
    private final byte[] head;
    /** Volatile: the load's watchdog may close it from another thread. */
    private volatile Socket socket;
    private OutputStream out;
    private InputStream in;

    WebhookPoster(URI webhookUrl) {
        this.webhookUrl = webhookUrl;
        this.head = ("POST " + webhookUrl.getRawPath() + " HTTP/1.1\r\nHost: " + webhookUrl.getHost() + ":"
                + webhookUrl.getPort() + "\r\nUser-Agent: LineBotWebhook/2.0\r\n"
                + "Content-Type: application/json; charset=utf-8\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** Posts the webhook and returns the HTTP status, or 0 when the connection failed (then reconnects next time). */
    int post(SignedWebhook webhook) {
        try {
            if (socket == null) {
                connect();
            }
            out.write(head);
            out.write(("X-Line-Signature: " + webhook.signature() + "\r\nContent-Length: " + webhook.body().length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(webhook.body());
            out.flush();
            return readResponse();
        } catch (IOException e) {
            close();
            return 0;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        // No read timeout: with one, every read that has to wait becomes a failed read, a poll and another read
        // (the JDK then runs the socket non-blocking), about a tenth of the generator's CPU. A stalled service is
        // caught by the load's watchdog instead, which closes the socket (Load#run).
        socket.connect(new InetSocketAddress(webhookUrl.getHost(), webhookUrl.getPort()), CONNECT_TIMEOUT_MILLIS);
        out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        in = new BufferedInputStream(socket.getInputStream(), 8192);
    }

    /** Reads the status line, the headers and the body (by length or chunked); closes if the server will. */
    private int readResponse() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = 0;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                closing = true;
            }
        }
        if (chunked) {
            for (long chunk = Long.parseLong(line().trim(), 16); chunk > 0; chunk = Long.parseLong(line().trim(), 16)) {
                skip(chunk);
                line();
            }
            line();
        } else {
            skip(length);
        }
        if (closing) {
            close();
        }
        return status;
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        for (long left = bytes; left > 0; left--) {
            if (in.read() < 0) {
                throw new IOException("connection closed mid-body");
            }
        }
    }

    @Override
    public void close() {
        Socket open = socket;
        socket = null;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }
}
