package jp.moshisapo.gateway.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * HTTP load from a process of its own, bounded in time, printing requests/s and latency percentiles.
 * Two modes:
 * <ul>
 * <li>closed loop ({@code rate=0}): {@code connections} clients each send the next request as soon as the last
 * one is answered, which measures the most a target can serve;</li>
 * <li>open loop ({@code rate>0}): requests leave at a fixed rate whatever happens, and latency is counted from
 * when a request was due, so a stall is not hidden by the generator waiting for it.</li>
 * </ul>
 * Arguments: label url connections rate warmupSeconds durationSeconds.
 */
public final class LoadGenerator {

    private final URI target;
    private final HttpClient client;
    private final RequestOptions options;
    private long[] latencies = new long[1 << 16];
    private int recorded;
    private long errors;
    private long completed;
    private long measureFrom;
    private long measureUntil;

    private LoadGenerator(Vertx vertx, URI target, int connections) {
        this.target = target;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
        this.options = new RequestOptions().setMethod(HttpMethod.GET).setHost(target.getHost())
                .setPort(target.getPort()).setURI(target.getRawPath());
    }

    public static void main(String[] args) throws InterruptedException {
        String label = args[0];
        URI target = URI.create(args[1]);
        int connections = Integer.parseInt(args[2]);
        int rate = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        int duration = Integer.parseInt(args[5]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        LoadGenerator generator = new LoadGenerator(vertx, target, connections);
        CountDownLatch done = new CountDownLatch(1);
        vertx.runOnContext(v -> generator.start(vertx, connections, rate, warmup, duration, done));
        if (!done.await(warmup + duration + 30L, TimeUnit.SECONDS)) {
            System.err.println("load generator did not finish in time");
        }
        vertx.runOnContext(v -> generator.report(label, connections, rate, duration));
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private void start(Vertx vertx, int connections, int rate, int warmup, int duration, CountDownLatch done) {
        long now = System.nanoTime();
        measureFrom = now + TimeUnit.SECONDS.toNanos(warmup);
        measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(duration);
        vertx.setTimer(TimeUnit.NANOSECONDS.toMillis(measureUntil - now) + 2_000, id -> done.countDown());
        if (rate <= 0) {
            for (int i = 0; i < connections; i++) {
                closedLoop();
            }
        } else {
            long interval = TimeUnit.SECONDS.toNanos(1) / rate;
            long[] next = {now};
            vertx.setPeriodic(1, id -> {
                long clock = System.nanoTime();
                while (next[0] <= clock && next[0] < measureUntil) {
                    send(next[0], () -> { });
                    next[0] += interval;
                }
                if (next[0] >= measureUntil) {
                    vertx.cancelTimer(id);
                }
            });
        }
    }

    private void closedLoop() {
        long due = System.nanoTime();
        if (due >= measureUntil) {
            return;
        }
        send(due, this::closedLoop);
    }

    private void send(long due, Runnable then) {
        client.request(options)
                .compose(request -> request.send().compose(response -> response.body()
                        .map(body -> response.statusCode())))
                .onComplete(result -> {
                    long end = System.nanoTime();
                    completed++;
                    if (due >= measureFrom && due < measureUntil) {
                        if (result.succeeded() && result.result() == 200) {
                            record(end - due);
                        } else {
                            errors++;
                        }
                    }
                    then.run();
                });
    }

    private void record(long nanos) {
        if (recorded == latencies.length) {
            latencies = Arrays.copyOf(latencies, latencies.length * 2);
        }
        latencies[recorded++] = nanos;
    }

    private void report(String label, int connections, int rate, int duration) {
        long[] sorted = Arrays.copyOf(latencies, recorded);
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-8s %-40s %s  requests/s %9.0f  p50 %6.2f ms  p99 %6.2f ms  errors %d  total %d%n",
                label, target, rate > 0 ? "rate " + rate + "/s" : connections + " connections",
                recorded / (double) duration, percentile(sorted, 0.50), percentile(sorted, 0.99), errors, completed);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1_000_000.0;
    }
}
