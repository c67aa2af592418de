package jp.moshisapo.notification.fanout;

import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jp.moshisapo.database.DataAccessException;
import jp.moshisapo.notification.concurrent.DaemonThreads;
import jp.moshisapo.notification.config.FanoutConfig;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.Purpose;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.matching.ResidentKeySet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs the fan-out's per-recipient code on made-up recipients a few seconds after start: stream sealed visits back
 * from the database through a cursor as the planner does (the values go in as query parameters; no table is read or
 * written), open each user id, de-duplicate by resident key, seal and open batches, write multicast bodies. Cases are
 * rare, so without this every case met a JIT-cold planner and driver: the first seconds of a million-recipient case
 * sent a fraction of LINE's 200 requests/s while the compiler caught up.
 */
@ApplicationScoped
class FanoutWarmUp {

    /** Enough calls for the JIT's optimising tier (thousands of invocations and loop iterations). */
    static final int RECIPIENTS = 100_000;
    /** Claims and requests of the dispatcher's per-batch work. */
    private static final int CLAIMS = 2_000;
    private static final int REQUESTS = 2_000;
    /** A case id no case has: its claims find no batch. */
    private static final long NO_CASE = -1;
    private static final Duration AFTER_START = Duration.ofSeconds(5);

    /** The planner's row shape (resident key, key id, sealed user id, unreachable), from parameters only. */
    private static final String MADE_UP_VISITS = "SELECT v.resident_key, ?::text, v.user_id, false "
            + "FROM unnest(?::bytea[], ?::bytea[]) AS v(resident_key, user_id)";

    private final Db db;
    private final Keyring keyring;
    private final MulticastClient client;
    private final RecipientPlanner planner;
    private final BatchStore store;
    private final Vertx vertx;
    private final FanoutConfig config;
    /** Connections the pool keeps open while idle: each gets the claim's statement warmed. */
    private final int poolMinSize;

    FanoutWarmUp(Db db, Keyring keyring, MulticastClient client, RecipientPlanner planner, BatchStore store,
            Vertx vertx, FanoutConfig config,
            @ConfigProperty(name = "quarkus.datasource.jdbc.min-size", defaultValue = "1") int poolMinSize) {
        this.poolMinSize = poolMinSize;
        this.db = db;
        this.planner = planner;
        this.store = store;
        this.vertx = vertx;
        this.keyring = keyring;
        this.client = client;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        // Later than start-up itself, so it never delays readiness or competes with the other services starting.
        ScheduledExecutorService once = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = DaemonThreads.of(r, "fanout-warm-up");
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        once.schedule(() -> {
            try {
                long started = System.nanoTime();
                int batches = run(RECIPIENTS);
                Log.infof("Fan-out warm-up done: %d made-up recipients in %d batches, %d ms", RECIPIENTS, batches,
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                Log.warnf("Fan-out warm-up failed (cases still send, only more slowly at first): %s", e.toString());
            } finally {
                once.shutdown();
            }
        }, AFTER_START.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The planner's and the dispatcher's work for {@code recipients} made-up residents: planning, claims of batches
     * that do not exist (the same statements and transactions, rolled back), and each batch's request sent to a
     * loopback stand-in for LINE; returns the batch count.
     */
    int run(int recipients) {
        Sample sample = new Sample();
        int batches = plan(recipients, sample);
        claimOnEveryConnection();
        if (sample.body != null) {
            send(sample.body);
        }
        return batches;
    }

    /**
     * Claims, on as many threads at once as the pool keeps connections: each connection's server process then has
     * the claim's tables in its caches and the statement prepared, which a case's first claims (four senders at
     * once, while the planner keeps both cores busy) otherwise pay with tens of milliseconds each.
     */
    private void claimOnEveryConnection() {
        int connections = Math.max(1, poolMinSize);
        ExecutorService threads = Executors.newFixedThreadPool(connections, DaemonThreads.named("fanout-warm-up"));
        try {
            List<Future<?>> claims = new ArrayList<>();
            for (int t = 0; t < connections; t++) {
                int first = t * CLAIMS / connections;
                int end = (t + 1) * CLAIMS / connections;
                claims.add(threads.submit(() -> {
                    for (int seq = first + 1; seq <= end; seq++) {
                        try {
                            store.claim(NO_CASE, seq, Instant.now());
                        } catch (IllegalStateException expected) {
                            // "the batch is gone": the claim read nothing and its transaction rolled back
                        }
                    }
                }));
            }
            for (Future<?> claim : claims) {
                claim.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a warm-up claim failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            threads.shutdownNow();
        }
    }

    /** The last body the rehearsal built. */
    private static final class Sample {
        byte[] body;
    }

    /** Sends {@code body} to a loopback server that answers as LINE does to a multicast: 200 and {}. */
    private void send(byte[] body) {
        HttpServer standIn = vertx.createHttpServer().requestHandler(request -> request.body()
                .onComplete(read -> request.response().putHeader("Content-Type", "application/json").end("{}")));
        try {
            int port = standIn.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture()
                    .get(10, TimeUnit.SECONDS).actualPort();
            int answered = client.rehearse(URI.create("http://127.0.0.1:" + port + "/v2/bot/message/multicast"),
                    body, REQUESTS, config.maxInFlight());
            Log.debugf("Fan-out warm-up: %d of %d requests answered by the loopback stand-in", answered, REQUESTS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the loopback stand-in for LINE did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            standIn.close();
        }
    }

    private int plan(int recipients, Sample sample) {
        SecureRandom random = new SecureRandom();
        HexFormat hex = HexFormat.of();
        byte[][] residentKeys = new byte[recipients][];
        byte[][] sealedUserIds = new byte[recipients][];
        for (int i = 0; i < recipients; i++) {
            residentKeys[i] = new byte[ResidentKeySet.KEY_BYTES];
            random.nextBytes(residentKeys[i]);
            String userId = "U" + hex.formatHex(residentKeys[i], 0, 16);
            sealedUserIds[i] = keyring.seal(userId.getBytes(StandardCharsets.US_ASCII), Purpose.VISIT_USER_ID).bytes();
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(MADE_UP_VISITS)) {
                s.setFetchSize(RecipientPlanner.FETCH_SIZE);
                s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                s.setString(1, keyring.activeKeyId());
                s.setArray(2, c.createArrayOf("bytea", residentKeys));
                s.setArray(3, c.createArrayOf("bytea", sealedUserIds));
                try (ResultSet rs = s.executeQuery()) {
                    return planner.rehearse(rs, group -> group.forEach(batch -> sample.body = client.body(
                            keyring.open(batch.recipients(), Purpose.BATCH_RECIPIENTS), "warm-up")));
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }
}
