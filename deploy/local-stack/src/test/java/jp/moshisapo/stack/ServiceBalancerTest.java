package jp.moshisapo.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ServiceBalancerTest {

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : opened) {
            closeable.close();
        }
    }

    @Test
    void connectionsTakeTurnsAcrossTheReplicas() throws IOException {
        int port = start(List.of(replica("a").getLocalPort(), replica("b").getLocalPort()));

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(ask(port, "hello"));
        }

        assertEquals(List.of("a:hello", "b:hello", "a:hello", "b:hello"), answers);
    }

    @Test
    void aReplicaThatRefusesIsSkipped() throws IOException {
        ServerSocket dead = replica("dead");
        int deadPort = dead.getLocalPort();
        dead.close();
        int port = start(List.of(deadPort, replica("alive").getLocalPort()));

        assertEquals("alive:1", ask(port, "1"));
        assertEquals("alive:2", ask(port, "2"));
    }

    @Test
    void withNoReplicaTheConnectionCloses() throws IOException {
        ServerSocket dead = replica("dead");
        int deadPort = dead.getLocalPort();
        dead.close();
        int port = start(List.of(deadPort));

        String answer;
        try {
            answer = ask(port, "anyone?");
        } catch (IOException reset) {
            answer = "";
        }
        assertEquals("", answer, "closed without an answer");
    }

    private int start(List<Integer> ports) throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        opened.add(ServiceBalancer.start("test", port, ports));
        return port;
    }

    /** A replica answering each connection with its name, a colon and what it read until the client's half-close. */
    private ServerSocket replica(String name) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        opened.add(server);
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket client = server.accept()) {
                    String request = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                    client.getOutputStream().write((name + ":" + request).getBytes(StandardCharsets.UTF_8));
                } catch (IOException closed) {
                    // the test ended
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
        return server;
    }

    private static String ask(int port, String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            socket.shutdownOutput();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
