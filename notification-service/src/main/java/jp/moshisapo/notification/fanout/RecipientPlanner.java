package jp.moshisapo.notification.fanout;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import jp.moshisapo.database.DataAccessException;
import jp.moshisapo.notification.concurrent.DaemonThreads;
import jp.moshisapo.notification.config.FanoutConfig;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.Purpose;
import jp.moshisapo.notification.crypto.Sealed;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.notification.exposure.ExposureCase;
import jp.moshisapo.notification.matching.MatchQuery;
import jp.moshisapo.notification.matching.RecentlyNotified;
import jp.moshisapo.notification.matching.ResidentKeySet;
import jp.moshisapo.notification.visit.Retention;

/**
 * Fixes who receives an approved case: streams the matching visits once, keeps the first visit of each resident
 * (at most one message per case), drops unreachable and recently notified residents, and commits the rest in
 * batches of ≤ 500 with a fresh retry key each. Batches are stored by a committer thread while the planner reads on,
 * and handed to the dispatcher as soon as they are committed, so sending starts within milliseconds of approval
 * while planning goes on.
 */
@ApplicationScoped
public class RecipientPlanner {

    private static final String MATCHING_RESIDENTS = "SELECT v.resident_key, v.key_id, v.user_id, "
            + "u.resident_key IS NOT NULL " + MatchQuery.FROM;
    /**
     * Commits grow 1, 2, 4, … up to 20 batches: the first request leaves at once, the sender never waits for a
     * big commit while the planner warms up, and later commits amortise their cost.
     */
    private static final int MAX_BATCHES_PER_COMMIT = 20;
    /** Rows per round trip of the cursor. */
    static final int FETCH_SIZE = 5000;
    /**
     * Groups of batches handed to the committer while the planner reads on: their inserts and commits overlap the
     * reading instead of stopping it, and at most this many wait (memory stays bounded).
     */
    private static final int COMMITS_AHEAD = 2;

    private final Db db;
    private final Keyring keyring;
    private final RecentlyNotified recentlyNotified;
    private final Retention retention;
    private final BatchStore store;
    private final Clock clock;
    private final int batchSize;
    private final FanoutMetrics metrics;
    /** Stores the planned batches in order, beside the planner's thread (one case is planned at a time). */
    private final ExecutorService committer = Executors.newSingleThreadExecutor(
            DaemonThreads.named("fanout-batch-committer"));

    RecipientPlanner(Db db, Keyring keyring, RecentlyNotified recentlyNotified, Retention retention,
            BatchStore store, Clock clock, FanoutConfig config, FanoutMetrics metrics) {
        this.metrics = metrics;
        this.db = db;
        this.keyring = keyring;
        this.recentlyNotified = recentlyNotified;
        this.retention = retention;
        this.store = store;
        this.clock = clock;
        this.batchSize = config.batchSize();
    }

    /**
     * Plans the residents not yet in {@code resume.planned()}; returns false when the run was stopped midway (a
     * later run continues from the committed batches).
     */
    boolean plan(CaseRun run, ExposureCase exposure, ResumeState resume, Consumer<List<BatchJob>> ready) {
        Instant now = clock.instant();
        Plan plan = new Plan(run, resume, ready, null);
        try {
            if (!read(plan, exposure, now)) {
                return false;
            }
            plan.flush(true);
        } finally {
            plan.awaitCommits();
        }
        if (run.stopped()) {
            return false;
        }
        if (plan.unreadable > 0) {
            metrics.unreadableVisits(plan.unreadable);
            Log.errorf("Case %d: %d matching visits could not be opened (key ids %s: removed from the keyring, or "
                    + "altered) and were skipped", run.caseId, plan.unreadable, plan.unreadableKeyIds);
        }
        store.markPlanned(run.caseId, plan.recipients, plan.unreachable, plan.recentlySkipped, clock.instant());
        Log.infof("Case %d planned: %d recipients in %d batches (%d unreachable, %d recently notified skipped)",
                run.caseId, plan.recipients, plan.nextSeq - 1, plan.unreachable, plan.recentlySkipped);
        return true;
    }

    /** Streams the matching visits into the plan; false when the run was stopped midway. */
    private boolean read(Plan plan, ExposureCase exposure, Instant now) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false); // a cursor: rows stream in fetch-size chunks instead of all at once
            ResidentKeySet recent = recentlyNotified.residents(c, exposure.id(), exposure.target(), now);
            try (PreparedStatement s = c.prepareStatement(MATCHING_RESIDENTS)) {
                s.setFetchSize(FETCH_SIZE);
                // binary results from the first execution: a million bytea pairs are not hex-decoded
                s.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                MatchQuery.bind(c, s, 1, exposure.target(), retention.horizon(now));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        if (plan.run.stopped()) {
                            c.rollback();
                            return false;
                        }
                        plan.visit(rs, recent);
                    }
                }
            }
            c.rollback(); // read only
            return true;
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /**
     * The planner's per-visit work on rows of its query's shape (resident key, key id, sealed user id, unreachable),
     * storing and sending nothing: the start-up warm-up ({@link FanoutWarmUp}) runs this very code, so a case meets
     * it compiled. Each group of batches a case would commit goes to {@code groups} instead; returns the batch count.
     */
    int rehearse(ResultSet rows, Consumer<List<PlannedBatch>> groups) throws SQLException {
        CaseRun rehearsal = new CaseRun(0, "", Instant.EPOCH, Instant.MAX);
        Plan plan = new Plan(rehearsal, new ResumeState(List.of(), 0, 0, 0, 0, new ResidentKeySet(), 1), jobs -> { },
                groups);
        ResidentKeySet recent = new ResidentKeySet();
        while (rows.next()) {
            plan.visit(rows, recent);
        }
        plan.flush(true);
        return plan.nextSeq - 1;
    }

    /** The state of one planning pass. */
    private final class Plan {
        final CaseRun run;
        final ResidentKeySet seen;
        final Consumer<List<BatchJob>> ready;
        /** Where a rehearsal's groups go instead of the database; null when planning a case. */
        final Consumer<List<PlannedBatch>> rehearsal;
        final List<PlannedBatch> uncommitted = new ArrayList<>();
        final ArrayDeque<Future<?>> commits = new ArrayDeque<>();
        /** The batch being filled: LINE user ids separated by newlines, as the batch is sealed. */
        ByteArrayOutputStream userIds = new ByteArrayOutputStream(batchSize * 34);
        int members;
        ByteArrayOutputStream residentKeys = new ByteArrayOutputStream(batchSize * ResidentKeySet.KEY_BYTES);
        int nextSeq;
        int recipients;
        int unreachable;
        int recentlySkipped;
        int unreadable;
        final java.util.Set<String> unreadableKeyIds = new java.util.TreeSet<>();
        int batchesPerCommit = 1;

        Plan(CaseRun run, ResumeState resume, Consumer<List<BatchJob>> ready,
                Consumer<List<PlannedBatch>> rehearsal) {
            this.run = run;
            this.rehearsal = rehearsal;
            this.seen = resume.planned();
            this.ready = ready;
            this.nextSeq = resume.nextSeq();
            this.recipients = resume.recipients();
        }

        void visit(ResultSet rs, ResidentKeySet recent) throws SQLException {
            byte[] residentKey = rs.getBytes(1);
            if (seen.contains(residentKey)) {
                return; // another visit of someone already planned, or planned before a restart
            }
            if (rs.getBoolean(4)) {
                seen.add(residentKey);
                unreachable++;
                return;
            }
            if (recent.contains(residentKey)) {
                seen.add(residentKey);
                recentlySkipped++;
                return;
            }
            byte[] userId;
            try {
                userId = keyring.open(new Sealed(rs.getString(2), rs.getBytes(3)), Purpose.VISIT_USER_ID);
            } catch (IllegalStateException e) {
                // Sealed under a key id removed from the keyring, or altered: no retry can open it, and planning
                // again forever would stop the case. Skipped and counted; another visit of theirs may still open.
                unreadable++;
                unreadableKeyIds.add(rs.getString(2));
                return;
            }
            seen.add(residentKey);
            if (members++ > 0) {
                userIds.write('\n');
            }
            userIds.writeBytes(userId);
            residentKeys.writeBytes(residentKey);
            recipients++;
            if (members == batchSize) {
                seal();
                flush(false);
            }
        }

        void flush(boolean last) {
            if (last && members > 0) {
                seal();
            }
            boolean due = last ? !uncommitted.isEmpty() : uncommitted.size() >= batchesPerCommit;
            if (!due) {
                return;
            }
            List<PlannedBatch> group = List.copyOf(uncommitted);
            uncommitted.clear();
            batchesPerCommit = Math.min(MAX_BATCHES_PER_COMMIT, batchesPerCommit * 2);
            if (rehearsal != null) {
                rehearsal.accept(group);
                return;
            }
            if (commits.size() == COMMITS_AHEAD) {
                await(commits.poll());
            }
            commits.add(committer.submit(() -> commit(group)));
        }

        /** On the committer thread, in order: persisted before sending, then handed to the dispatcher. */
        private void commit(List<PlannedBatch> group) {
            if (run.stopped()) {
                return;
            }
            if (!store.insert(run.caseId, group, clock.instant())) {
                run.stop(); // cancelled meanwhile: nothing of it may go out
                return;
            }
            run.addBatches(group.size());
            ready.accept(group.stream().map(b -> new BatchJob(run, b.seq(), b.retryKey())).toList());
        }

        /** Every group handed to the committer is stored (or refused) before the plan ends, whatever ended it. */
        void awaitCommits() {
            RuntimeException first = null;
            for (Future<?> commit = commits.poll(); commit != null; commit = commits.poll()) {
                try {
                    await(commit);
                } catch (RuntimeException e) {
                    first = first == null ? e : first;
                }
            }
            if (first != null) {
                throw first;
            }
        }

        private void await(Future<?> commit) {
            try {
                commit.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                run.stop();
                throw new IllegalStateException("interrupted while batches were being stored", e);
            }
        }

        private void seal() {
            uncommitted.add(new PlannedBatch(nextSeq++, UUID.randomUUID(), members, residentKeys.toByteArray(),
                    keyring.seal(userIds.toByteArray(), Purpose.BATCH_RECIPIENTS)));
            userIds.reset();
            members = 0;
            residentKeys.reset();
        }
    }
}
