package jp.moshisapo.notification.fanout;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import jp.moshisapo.notification.concurrent.DaemonThreads;
import jp.moshisapo.notification.config.FanoutConfig;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.exposure.CaseEvents;
import jp.moshisapo.notification.exposure.CaseRepository;
import jp.moshisapo.notification.exposure.ExposureCase;

/**
 * Runs the sending cases. Exactly one instance sends at a time: it holds a PostgreSQL session advisory lock on a
 * connection of its own, which the server releases the moment that instance dies, so another instance (or the
 * restarted one) takes over at once and resumes every SENDING case from its persisted batches.
 */
@ApplicationScoped
public class FanoutCoordinator {

    private static final long LEADER_LOCK = 0x6d6f7368_66616e6fL;

    private final Db db;
    private final CaseRepository cases;
    private final BatchStore batches;
    private final RecipientPlanner planner;
    private final MulticastDispatcher dispatcher;
    private final OutcomeWriter outcomes;
    private final FanoutConfig config;
    private final Clock clock;
    private final Map<Long, CaseRun> active = new ConcurrentHashMap<>();
    /** One planner at a time: a case planned after another sees its batches for the 24-hour rule. */
    private final ExecutorService planning = Executors.newSingleThreadExecutor(DaemonThreads.named("fanout-planner"));
    private final Semaphore wakeUp = new Semaphore(0);
    /** Cases whose start threw (a malformed row, say), with when to try again: the others keep going meanwhile. */
    private final Map<Long, Instant> unstartable = new ConcurrentHashMap<>();
    private static final java.time.Duration UNSTARTABLE_RETRY = java.time.Duration.ofMinutes(1);
    private Thread leaderThread;
    private Connection leaderLock;
    private volatile boolean running;

    FanoutCoordinator(Db db, CaseRepository cases, BatchStore batches, RecipientPlanner planner,
            MulticastDispatcher dispatcher, OutcomeWriter outcomes, FanoutConfig config, Clock clock) {
        this.db = db;
        this.cases = cases;
        this.batches = batches;
        this.planner = planner;
        this.dispatcher = dispatcher;
        this.outcomes = outcomes;
        this.config = config;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.enabled()) {
            Log.info("Fan-out disabled on this instance (moshisapo.notification.fanout.enabled=false)");
            return;
        }
        outcomes.onComplete(this::finish);
        running = true;
        leaderThread = DaemonThreads.of(this::lead, "fanout-leader");
        leaderThread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        if (leaderThread != null) {
            leaderThread.interrupt();
            try {
                leaderThread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        planning.shutdownNow();
    }

    void onApproved(@Observes CaseEvents.Approved approved) {
        wakeUp.release();
    }

    void onResumed(@Observes CaseEvents.Resumed resumed) {
        wakeUp.release();
    }

    /** Paused cases stop at once here; their unsent batches stay PENDING with their retry keys. */
    void onPaused(@Observes CaseEvents.Paused paused) {
        for (long id : paused.caseIds()) {
            CaseRun run = active.remove(id);
            if (run != null) {
                run.stop();
            }
        }
    }

    /** The kill switch's fast path on this instance; other instances learn it from the next poll. */
    void onCancelled(@Observes CaseEvents.Cancelled cancelled) {
        CaseRun run = active.remove(cancelled.caseId());
        if (run != null) {
            run.cancel();
            Log.infof("Case %d cancelled: nothing more goes out", cancelled.caseId());
        }
    }

    private void lead() {
        while (running) {
            try {
                if (leaderLock == null) {
                    leaderLock = tryLead();
                }
                if (leaderLock != null) {
                    if (!leaderLock.isValid(5)) {
                        throw new SQLException("lost the connection holding the fan-out lock");
                    }
                    sync();
                }
            } catch (SQLException | RuntimeException e) {
                Log.warnf("Fan-out leadership lost: %s", e.getMessage());
                resign();
            }
            try {
                wakeUp.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                break;
            }
        }
        resign();
    }

    private Connection tryLead() throws SQLException {
        Connection c = db.connection();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock("
                + LEADER_LOCK + ")")) {
            c.setAutoCommit(true);
            if (rs.next() && rs.getBoolean(1)) {
                Log.info("This instance now sends exposure cases (fan-out leader)");
                return c;
            }
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        c.close();
        return null;
    }

    private void resign() {
        active.values().forEach(CaseRun::handOver);
        active.clear();
        if (leaderLock != null) {
            try {
                leaderLock.close();
            } catch (SQLException ignored) {
                // the lock goes with the session either way
            }
            leaderLock = null;
        }
    }

    /** Starts SENDING cases not running here; stops runs whose case was cancelled elsewhere. */
    private void sync() throws SQLException {
        Map<Long, String> states = new HashMap<>();
        try (PreparedStatement s = leaderLock.prepareStatement("SELECT id, state FROM exposure_case "
                + "WHERE state = 'SENDING' OR id = ANY(?)")) {
            s.setArray(1, leaderLock.createArrayOf("bigint", active.keySet().toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        active.forEach((id, run) -> {
            if ("CANCELLED".equals(states.get(id))) {
                run.cancel(); // cancelled through another instance
                active.remove(id);
            } else if (!"SENDING".equals(states.get(id))) {
                run.stop();
                active.remove(id);
            }
        });
        states.forEach((id, state) -> {
            if ("SENDING".equals(state) && !active.containsKey(id) && !unstartable(id)) {
                try {
                    start(id);
                } catch (RuntimeException e) {
                    // One unreadable case must not cost every other case its sender: it is left out for a while.
                    active.remove(id);
                    unstartable.put(id, clock.instant().plus(UNSTARTABLE_RETRY));
                    Log.errorf("Case %d cannot be started, trying again in %s: %s", id, UNSTARTABLE_RETRY,
                            SendResult.describe(e));
                }
            }
        });
    }

    private boolean unstartable(long caseId) {
        Instant retryAt = unstartable.get(caseId);
        if (retryAt == null || clock.instant().isAfter(retryAt)) {
            unstartable.remove(caseId);
            return false;
        }
        return true;
    }

    private void start(long caseId) {
        ExposureCase exposure = db.inTransaction(() -> cases.find(caseId)).orElseThrow();
        if (exposure.state() != jp.moshisapo.notification.exposure.CaseState.SENDING) {
            return;
        }
        // Counted from the last resume: time spent PAUSED does not use up the deadline.
        Instant deadline = exposure.sendingSince().plus(config.deadline());
        CaseRun run = new CaseRun(caseId, exposure.message(), exposure.sendingSince(), deadline);
        active.put(caseId, run);
        Instant now = clock.instant();
        if (now.isAfter(deadline)) {
            int failed = batches.failPending(caseId, "deadline passed while the service was down", now);
            Log.warnf("Case %d is past its sending deadline: %d pending batches failed", caseId, failed);
            active.remove(caseId);
            batches.finish(caseId, true, "deadline passed before every batch was sent", now);
            return;
        }
        ResumeState resume = batches.resume(run, now);
        if (resume == null) {
            active.remove(caseId, run); // cancelled between the poll and now
            return;
        }
        run.addBatches(resume.batches());
        for (int i = 0; i < resume.finals(); i++) {
            run.addFinal(i < resume.failed());
        }
        resume.pending().forEach(dispatcher::submit);
        if (resume.batches() > 0) {
            Log.infof("Case %d resumed: %d of %d batches still to send", caseId, resume.pending().size(),
                    resume.batches());
        }
        if (exposure.plannedAt() != null) {
            run.planned();
            finishIfComplete(run);
            return;
        }
        planning.submit(() -> {
            try {
                if (planner.plan(run, exposure, resume, jobs -> jobs.forEach(dispatcher::submit))) {
                    run.planned();
                    finishIfComplete(run);
                }
            } catch (RuntimeException e) {
                Log.errorf(e, "Planning case %d failed; it is retried on the next poll", caseId);
                run.stop();
                active.remove(caseId, run);
            }
        });
    }

    private void finishIfComplete(CaseRun run) {
        if (run.completeNow()) {
            finish(run);
        }
    }

    private void finish(CaseRun run) {
        boolean failed = run.failedBatches() > 0;
        boolean finished = batches.finish(run.caseId, failed,
                failed ? run.failedBatches() + " batches could not be delivered" : null, clock.instant());
        active.remove(run.caseId, run);
        if (finished) {
            Log.infof("Case %d finished: %s", run.caseId, failed ? "FAILED" : "DONE");
        }
    }
}
