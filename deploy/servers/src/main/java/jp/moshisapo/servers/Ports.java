package jp.moshisapo.servers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers: every server the project starts listens on 127.0.0.1 only. */
public final class Ports {

    private Ports() {
    }

    /** A port that was free a moment ago (port 0 semantics for servers that need the number up front). */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new ServerStartException("no free loopback port: " + e.getMessage(), e);
        }
    }

    /** {@code port}, or a free one when {@code port} is 0; fails clearly when the port is taken. */
    public static int freeOrRequested(int port, String what) {
        if (port == 0) {
            return free();
        }
        if (isOpen(port)) {
            throw new ServerStartException("port " + port + " for " + what + " is already in use on 127.0.0.1; "
                    + "stop whatever listens there or choose another port");
        }
        return port;
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
