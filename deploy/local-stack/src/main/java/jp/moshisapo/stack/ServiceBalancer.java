package jp.moshisapo.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import jp.moshisapo.servers.ServerStartException;

/**
 * The one address of a service that runs as several replicas, as a Kubernetes Service gives it: each new TCP
 * connection goes to the next replica in turn, and a replica that refuses the connection (killed, not started yet)
 * is skipped the way readiness takes a dead pod out of a Service. Connections already open to a replica that dies
 * break, as they do in a cluster; callers retry as they would there.
 */
final class ServiceBalancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 1_000;

    private final String name;
    private final ServerSocket listener;
    private final List<InetSocketAddress> replicas;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable);
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean open = true;

    private ServiceBalancer(String name, ServerSocket listener, List<Integer> replicaPorts) {
        this.name = name;
        this.listener = listener;
        this.replicas = replicaPorts.stream()
                .map(port -> new InetSocketAddress(InetAddress.getLoopbackAddress(), port)).toList();
    }

    /** Listens on 127.0.0.1:{@code port} for the replicas listening on {@code replicaPorts}. */
    static ServiceBalancer start(String name, int port, List<Integer> replicaPorts) {
        try {
            ServerSocket listener = new ServerSocket();
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 512);
            ServiceBalancer balancer = new ServiceBalancer(name, listener, replicaPorts);
            Thread acceptor = new Thread(balancer::accept, name + "-balancer");
            acceptor.setDaemon(true);
            acceptor.start();
            return balancer;
        } catch (IOException e) {
            throw new ServerStartException("cannot listen for " + name + " on port " + port + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing
        }
        pumps.shutdownNow();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = listener.accept();
                pumps.execute(() -> connect(client));
            } catch (IOException e) {
                if (open) {
                    System.err.println(name + " balancer: " + e.getMessage());
                }
            }
        }
    }

    private void connect(Socket client) {
        int first = Math.floorMod(next.getAndIncrement(), replicas.size());
        for (int i = 0; i < replicas.size(); i++) {
            Socket upstream = new Socket();
            try {
                upstream.setTcpNoDelay(true);
                upstream.connect(replicas.get((first + i) % replicas.size()), CONNECT_TIMEOUT_MS);
            } catch (IOException refused) {
                closeQuietly(upstream);
                continue;
            }
            try {
                client.setTcpNoDelay(true);
            } catch (SocketException ignored) {
                // the client went away; the pumps notice
            }
            AtomicInteger directionsOpen = new AtomicInteger(2);
            pumps.execute(() -> pump(upstream, client, directionsOpen));
            pump(client, upstream, directionsOpen);
            return;
        }
        closeQuietly(client); // no replica answers: the caller sees the connection close, as with no ready pod
    }

    /**
     * Copies one direction until it ends and passes the end on (a half-close); the second direction to end closes
     * both sockets. A reset on either side closes both at once, so the other side sees it too.
     */
    private static void pump(Socket from, Socket to, AtomicInteger directionsOpen) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
            if (directionsOpen.decrementAndGet() == 0) {
                closeQuietly(from);
                closeQuietly(to);
            }
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
