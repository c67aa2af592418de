package jp.moshisapo.notification;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.notification.crypto.Keyring;
import jp.moshisapo.notification.crypto.Purpose;
import jp.moshisapo.notification.crypto.ResidentIndex;
import jp.moshisapo.notification.crypto.Sealed;
import jp.moshisapo.protocol.events.ResidentEvent;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Erasure reaches the fan-out: a resident who asks for erasure before their batch's first request is not sent
 * it, and is gone from every batch and from the unreachable markers.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class ErasureIT {

    private static final Duration SENDING = Duration.ofSeconds(90);

    @InjectLineSimulator
    LineSimulator sim;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Keyring keyring;

    @Inject
    ResidentIndex index;

    StoreProbe store;

    @BeforeEach
    void freshChannel() {
        store = new StoreProbe(dataSource);
        sim.reset();
    }

    @Test
    void aResidentWhoErasesWhileInAPendingBatchIsNotSentIt() throws SQLException {
        String alice = Fixtures.user("pending-alice");
        String bob = Fixtures.user("pending-bob");
        String carol = Fixtures.user("pending-carol");
        // approved and planned, its one batch not yet tried: held back from the sender until bob has erased
        long id = plantCase("DRAFT", List.of(List.of(alice, bob, carol)));

        erase(bob);
        await("bob taken out of the pending batch").atMost(Duration.ofSeconds(30)).until(
                () -> store.count("SELECT recipient_count FROM delivery_batch WHERE case_id = ?", id), equalTo(2L));
        assertFalse(batchKeysHold(id, bob), "bob's key left the batch with him");
        release(id);
        store.awaitState(id, "DONE", SENDING);

        assertEquals(0, sim.inboxSize(bob), "the multicast never carried bob");
        assertEquals(1, sim.inboxSize(alice));
        assertEquals(1, sim.inboxSize(carol));
        JsonPath report = report(id);
        assertEquals(3, report.getInt("recipients.planned"));
        assertEquals(2, report.getInt("recipients.delivered"));
        assertEquals(1, report.getInt("recipients.erasedBeforeSending"));
    }

    @Test
    void theSenderTakesOutResidentsWhoErasedAfterTheirBatchWasPlannedAndSkipsABatchLeftEmpty() throws SQLException {
        String dave = Fixtures.user("late-dave");
        String erin = Fixtures.user("late-erin");
        String frank = Fixtures.user("late-frank");
        erase(dave);
        erase(frank);
        awaitErased(dave);
        awaitErased(frank);

        // batches as a planner writes them from a snapshot taken before the two erasures committed
        long id = plantCase("SENDING", List.of(List.of(dave, erin), List.of(frank)));
        store.awaitState(id, "DONE", SENDING);

        assertEquals(0, sim.inboxSize(dave), "erased after planning, before sending: not sent");
        assertEquals(0, sim.inboxSize(frank));
        assertEquals(1, sim.inboxSize(erin));
        assertEquals(1, sim.stats().of(Endpoint.MULTICAST).requests(), "the emptied batch made no request");
        JsonPath report = report(id);
        assertEquals(3, report.getInt("recipients.planned"));
        assertEquals(1, report.getInt("recipients.delivered"));
        assertEquals(2, report.getInt("recipients.erasedBeforeSending"));
        assertEquals(1, report.getInt("batches.skipped"));
        assertEquals(1, report.getInt("batches.sent"));
        assertFalse(batchKeysHold(id, dave));
    }

    @Test
    void erasureRemovesTheResidentsKeyFromSentBatchesAndTheirUnreachableMarker() throws SQLException {
        String gina = Fixtures.user("sent-gina");
        String hiro = Fixtures.user("sent-hiro");
        long id = plantCase("SENDING", List.of(List.of(gina, hiro)));
        store.awaitState(id, "DONE", SENDING);
        Fixtures.publishResident(ResidentEvent.Type.UNREACHABLE, gina);
        Fixtures.publishResident(ResidentEvent.Type.UNREACHABLE, hiro);
        await("both blocked").atMost(Duration.ofSeconds(30)).until(() -> marked(gina) && marked(hiro));

        erase(gina);
        await("gina's marker gone").atMost(Duration.ofSeconds(30)).until(() -> !marked(gina));

        assertFalse(batchKeysHold(id, gina), "'gina was sent case N' is gone");
        assertEquals(1, sim.inboxSize(gina), "what LINE delivered stays delivered");
        assertEquals(true, batchKeysHold(id, hiro), "hiro did not ask");
        assertEquals(true, marked(hiro), "hiro did not ask");
        assertNull(store.query("SELECT recipients FROM delivery_batch WHERE case_id = ?", id));
    }

    @Test
    void aBatchWhoseFirstRequestLeftKeepsItsRecipientsForTheRetryButLosesTheKey() throws SQLException {
        String ivan = Fixtures.user("tried-ivan");
        String jun = Fixtures.user("tried-jun");
        long id = plantCase("DRAFT", List.of(List.of(ivan, jun)));
        // its first request left before a restart (LINE may have delivered it): the retry must be the same request
        store.tryExecute("UPDATE delivery_batch SET first_attempt_at = now() WHERE case_id = " + id);
        String sealedBefore = store.query("SELECT md5(recipients) FROM delivery_batch WHERE case_id = ?", id);

        erase(ivan);
        awaitErased(ivan);
        await("ivan's key gone from the batch").atMost(Duration.ofSeconds(30))
                .until(() -> !batchKeysHoldQuietly(id, ivan));

        assertEquals(sealedBefore, store.query("SELECT md5(recipients) FROM delivery_batch WHERE case_id = ?",
                id), "the recipients of a tried batch are not touched");
        assertEquals(2L, store.count("SELECT recipient_count FROM delivery_batch WHERE case_id = ?", id));
        assertEquals(0L, store.count("SELECT erased_before_sending FROM delivery_batch WHERE case_id = ?", id));
    }

    @Test
    void aPauseTakesBackOnlyTheTriedMarksItsOwnRunSet() {
        String kenji = Fixtures.user("paused-kenji");
        String mari = Fixtures.user("paused-mari");
        long id;
        try {
            id = plantCase("DRAFT", List.of(List.of(kenji), List.of(mari)));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        // batch 1's first request left in an earlier run, whose answer was lost (LINE may have accepted it);
        // batch 2 was never tried
        store.tryExecute("UPDATE delivery_batch SET first_attempt_at = now() - interval '1 hour' "
                + "WHERE case_id = " + id + " AND seq = 1");
        String triedInTheEarlierRun = firstAttemptOf(id, 1);
        sim.quota().limit(sim.quota().used()); // LINE refuses every multicast now: the monthly limit is reached
        try {
            release(id);
            store.awaitState(id, "PAUSED", SENDING);
            await("batch 2's mark taken back").atMost(Duration.ofSeconds(30))
                    .until(() -> firstAttemptOf(id, 2) == null);

            // its retry key's 24 hours began in the earlier run: a resume after them must not send it again
            await("batch 1 keeps its first attempt").during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                    .until(() -> firstAttemptOf(id, 1), equalTo(triedInTheEarlierRun));
            assertEquals(0, sim.inboxSize(kenji));
            assertEquals(0, sim.inboxSize(mari));
        } finally {
            sim.quota().limit(null); // the channel back for whatever runs next
            // a paused case's unsent messages count against the quota every later preview shows
            Api.post("staff2", "/admin/cases/" + id + "/cancel").then().statusCode(200);
        }
    }

    private String firstAttemptOf(long caseId, int seq) {
        return store.query("SELECT first_attempt_at::text FROM delivery_batch WHERE case_id = ? AND seq = ?",
                caseId, seq);
    }

    private boolean batchKeysHoldQuietly(long caseId, String user) {
        try {
            return batchKeysHold(caseId, user);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void erase(String user) {
        Fixtures.publishResident(ResidentEvent.Type.ERASURE_REQUESTED, user);
    }

    private void awaitErased(String user) {
        await("erasure of " + user + " recorded").atMost(Duration.ofSeconds(30)).until(
                () -> store.count("SELECT count(*) FROM erased_resident WHERE resident_key = ?",
                        index.keyOf(user)) == 1);
    }

    private boolean marked(String user) {
        return store.count("SELECT count(*) FROM unreachable_resident WHERE resident_key = ?", index.keyOf(user)) == 1;
    }

    private boolean batchKeysHold(long caseId, String user) throws SQLException {
        byte[] key = index.keyOf(user);
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT resident_keys FROM delivery_batch WHERE case_id = ?")) {
            s.setLong(1, caseId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    byte[] keys = rs.getBytes(1);
                    for (int at = 0; keys != null && at + 32 <= keys.length; at += 32) {
                        if (Arrays.equals(keys, at, at + 32, key, 0, 32)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /**
     * A case approved now and already planned, with one PENDING batch per list, as the planner writes them (user
     * ids sealed, resident keys in the same order). In state DRAFT the sender leaves it alone until
     * {@link #release}.
     */
    private long plantCase(String state, List<List<String>> batches) throws SQLException {
        Instant now = Instant.now();
        int recipients = batches.stream().mapToInt(List::size).sum();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            long id;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO exposure_case (state, codes, "
                    + "window_starts, window_ends, message, note, created_by, created_by_name, created_at, "
                    + "approved_by, approved_by_name, approved_at, planned_at, recipients, skipped_unreachable, "
                    + "skipped_recently_notified) VALUES (?, ARRAY[?], ARRAY[?::timestamptz], "
                    + "ARRAY[?::timestamptz], '【お知らせ】削除の確認', 'planted', 'staff1', 'staff1', ?, 'approver1', "
                    + "'approver1', ?, ?, ?, 0, 0) RETURNING id")) {
                s.setString(1, state);
                s.setString(2, Fixtures.newCode());
                s.setTimestamp(3, Timestamp.from(now.minusSeconds(3600)));
                s.setTimestamp(4, Timestamp.from(now));
                s.setTimestamp(5, Timestamp.from(now));
                s.setTimestamp(6, Timestamp.from(now));
                s.setTimestamp(7, Timestamp.from(now));
                s.setInt(8, recipients);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    id = rs.getLong(1);
                }
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO delivery_batch (case_id, seq, retry_key, "
                    + "recipient_count, resident_keys, key_id, recipients, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < batches.size(); i++) {
                    List<String> users = batches.get(i);
                    ByteArrayOutputStream keys = new ByteArrayOutputStream();
                    users.forEach(u -> keys.writeBytes(index.keyOf(u)));
                    Sealed sealed = keyring.seal(String.join("\n", users).getBytes(StandardCharsets.US_ASCII),
                            Purpose.BATCH_RECIPIENTS);
                    s.setLong(1, id);
                    s.setInt(2, i + 1);
                    s.setObject(3, UUID.randomUUID());
                    s.setInt(4, users.size());
                    s.setBytes(5, keys.toByteArray());
                    s.setString(6, sealed.keyId());
                    s.setBytes(7, sealed.bytes());
                    s.setTimestamp(8, Timestamp.from(now));
                    s.addBatch();
                }
                s.executeBatch();
            }
            c.commit();
            return id;
        }
    }

    private void release(long caseId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "UPDATE exposure_case SET state = 'SENDING' WHERE id = ?")) {
            s.setLong(1, caseId);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonPath report(long id) {
        return Api.get("staff1", "/admin/cases/" + id + "/report").then().statusCode(200).extract().jsonPath();
    }
}
