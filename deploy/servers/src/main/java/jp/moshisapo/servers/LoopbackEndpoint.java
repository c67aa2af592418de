package jp.moshisapo.servers;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP endpoint that answers every request to one path (and the paths under it) with 200 and a fixed JSON
 * body, {@code {}} unless told otherwise, as LINE answers a reply or a multicast, and remembers the client port of each request (one port per connection): for tests of how a client
 * uses its connections and threads, where the simulator's rules are not the point.
 */
public final class LoopbackEndpoint implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads;
    private final String path;
    private final Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();

    private LoopbackEndpoint(String path, int threads, String answerJson) throws IOException {
        this.path = path;
        this.threads = Executors.newFixedThreadPool(threads);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 128);
        server.createContext(path, exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            byte[] answer = answerJson.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.setExecutor(this.threads);
        server.start();
    }

    /** Serves {@code path} on a free loopback port with {@code threads} request threads. */
    public static LoopbackEndpoint start(String path, int threads) {
        return start(path, threads, "{}");
    }

    /** Serves {@code path} and the paths under it, answering each request with {@code answerJson}. */
    public static LoopbackEndpoint start(String path, int threads, String answerJson) {
        try {
            return new LoopbackEndpoint(path, threads, answerJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** http://127.0.0.1:port, without the path. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public URI uri() {
        return URI.create(baseUrl() + path);
    }

    /** The client ports requests came from: how many connections were opened. */
    public Set<Integer> clientPorts() {
        return Set.copyOf(clientPorts);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
