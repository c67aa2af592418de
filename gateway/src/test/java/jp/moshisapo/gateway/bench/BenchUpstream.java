package jp.moshisapo.gateway.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;

/**
 * The trivial service the benchmark proxies to: answers every request with a small fixed JSON body, as fast as
 * a Vert.x server can. Run as its own process by {@code gateway/bench.sh}; argument: the port.
 */
public final class BenchUpstream {

    private BenchUpstream() {
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Buffer body = Buffer.buffer("{\"service\":\"bench\",\"ok\":true}");
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        vertx.createHttpServer()
                .requestHandler(request -> request.response()
                        .putHeader("Content-Type", "application/json")
                        .end(body))
                .listen(port, "127.0.0.1")
                .onSuccess(server -> System.out.println("bench upstream listening on 127.0.0.1:" + port))
                .onFailure(failure -> {
                    System.err.println("bench upstream cannot listen: " + failure.getMessage());
                    System.exit(1);
                });
    }
}
