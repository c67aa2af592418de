package jp.moshisapo.gateway.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on loopback standing in for one service: it records every request it receives (method,
 * URI, headers, body bytes, whether the body arrived complete) and answers with a small JSON echo, or with a
 * behaviour a test sets for one path.
 */
public final class StubService implements AutoCloseable {

    /** What a test makes the service do for one path. */
    @FunctionalInterface
    public interface Behaviour {
        void respond(HttpExchange exchange, Received received) throws IOException;
    }

    /** One request as the service saw it. */
    public record Received(String method, String uri, Map<String, List<String>> headers, byte[] body,
            boolean complete) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }

        public String requestId() {
            return header("X-Request-Id");
        }
    }

    private final String name;
    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private HttpServer server;

    private StubService(String name, int port) {
        this.name = name;
        this.port = port;
    }

    public static StubService start(String name) {
        StubService stub = new StubService(name, 0);
        stub.listen(0);
        return stub;
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public Optional<Received> receivedWithRequestId(String requestId) {
        return received.stream().filter(r -> requestId.equals(r.requestId())).findFirst();
    }

    public void answer(String path, Behaviour behaviour) {
        behaviours.put(path, behaviour);
    }

    /** Forgets what was received and every behaviour set by a test. */
    public void reset() {
        received.clear();
        behaviours.clear();
    }

    /** Stops listening, as a crashed service would; {@link #restart()} listens on the same port again. */
    public void stop() {
        server.stop(0);
    }

    public void restart() {
        listen(server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 64);
        } catch (IOException e) {
            throw new IllegalStateException("stub " + name + " cannot listen: " + e.getMessage(), e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            boolean complete = true;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            } catch (IOException cutOff) {
                body = new byte[0];
                complete = false;
            }
            Received request = new Received(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                    Map.copyOf(exchange.getRequestHeaders()), body, complete);
            received.add(request);
            if (!complete) {
                return;
            }
            Behaviour behaviour = behaviours.get(exchange.getRequestURI().getPath());
            if (behaviour != null) {
                behaviour.respond(exchange, request);
            } else {
                echo(exchange, request);
            }
        }
    }

    private void echo(HttpExchange exchange, Received request) throws IOException {
        byte[] json = ("{\"service\":\"" + name + "\",\"method\":\"" + request.method() + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, json.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(json);
        }
    }
}
