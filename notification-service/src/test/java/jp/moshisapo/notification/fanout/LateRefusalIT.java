package jp.moshisapo.notification.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.notification.Api;
import jp.moshisapo.notification.Fixtures;
import jp.moshisapo.notification.StoreProbe;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.KeycloakTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * LINE decides a multicast when it arrives and may answer it a second later. A monthly-limit refusal answered
 * after the approver already resumed the case belongs to the run before the resume: it must not pause the case
 * again, or the case would sit PAUSED, unsent, until someone noticed it needs a second resume. The late answer is
 * handed to {@link CasePauses} directly, at the moment that makes the race certain instead of likely.
 */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(KeycloakTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class LateRefusalIT {

    private static final Duration SENDING = Duration.ofSeconds(90);
    private static final SendResult MONTHLY_LIMIT = new SendResult(429, "You have reached your monthly limit.", null);

    @InjectLineSimulator
    LineSimulator sim;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    CasePauses pauses;

    @AfterEach
    void channelBack() {
        sim.reset();
    }

    @Test
    void aRefusalAnsweredAfterTheResumeLeavesTheResumedCaseSendingToEveryoneOnce() {
        StoreProbe store = new StoreProbe(dataSource);
        sim.reset();
        String code = store.venue("図書館", "閲覧室");
        List<String> users = Fixtures.crowd("late-refusal", 1000, code);
        store.awaitVisits(code, 1000);
        long id = Api.draft(List.of(code), List.of(Fixtures.today().toString()));
        sim.faults().failFor(Endpoint.MULTICAST, 503, Duration.ofMinutes(1));
        Api.approve(id);
        sim.quota().limit(sim.quota().used() + 500);
        sim.faults().clear(Endpoint.MULTICAST);
        store.awaitState(id, "PAUSED", SENDING);
        CaseRun pausedRun = runSince(store, id);

        sim.quota().limit(null);
        sim.faults().delay(Endpoint.MULTICAST, Duration.ofSeconds(3)); // the resumed run is still sending below
        Api.post("approver1", "/admin/cases/" + id + "/resume").then().statusCode(200);
        pauses.pause(pausedRun, MONTHLY_LIMIT); // the first run's last refusal, answered late
        assertEquals("SENDING", store.stateOf(id), "a late refusal of the run before the resume paused the case");

        sim.faults().clear(Endpoint.MULTICAST);
        store.awaitState(id, "DONE", SENDING);
        users.forEach(u -> assertEquals(1, sim.inboxSize(u), "one message per resident"));
        assertEquals(1, store.count("SELECT count(*) FROM audit_event WHERE case_id = ? AND action = 'CASE_PAUSED'",
                id), "paused once, by the refusal of its own run");
    }

    /** The run that sent the case until its pause: it began at the approval. */
    private static CaseRun runSince(StoreProbe store, long id) {
        Instant approvedAt = OffsetDateTime.parse(store.query(
                "SELECT to_char(approved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') "
                        + "FROM exposure_case WHERE id = ?", id)).toInstant();
        return new CaseRun(id, "", approvedAt, approvedAt.plus(Duration.ofHours(1)));
    }
}
