package jp.moshisapo.checkin;

import static jp.moshisapo.checkin.Chat.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import jp.moshisapo.checkin.code.CodeViewRepository;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.messaging.Endpoint;
import jp.moshisapo.linesim.messaging.FaultRule;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** When LINE's reply API is rate-limited or failing, replies are retried a few times and visits stay recorded. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class LineOutageIT {

    @InjectLineSimulator
    LineSimulator sim;

    @TestHTTPResource("/line/webhook")
    URI webhook;

    @Inject
    CodeViewRepository codes;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void pointTheSimulatorHere() {
        Chat.connect(sim, webhook);
    }

    @AfterEach
    void healLine() {
        sim.faults().clear();
    }

    @Test
    void aRateLimitedReplyIsRetriedAndArrives() {
        PrintedCode code = Venues.issue(codes, "混雑する駅ビル", "改札前");
        Chat busy = new Chat(sim, "busy");
        double limitedBefore = counter("moshisapo.line.api.rate.limited");
        sim.faults().failNext(Endpoint.REPLY, 429, 2);

        List<String> prompt = texts(busy.say("チェックイン " + code.display(), 2));

        assertEquals("「混雑する駅ビル（改札前）」のQRコードを読み取りました。", prompt.get(0));
        assertEquals(limitedBefore + 2, counter("moshisapo.line.api.rate.limited"));
    }

    @Test
    void aVisitStaysRecordedWhenLineCannotTakeTheReply() {
        Chat unlucky = atTheConsentPrompt("停電中の店", "1階", "unlucky");
        double failedBefore = failedReplies();
        sim.faults().failNext(Endpoint.REPLY, 500, 4); // the first try and all three retries

        unlucky.tap("同意する", 0);
        unlucky.say("使い方", 1); // answered after the consent: same resident, in order

        assertEquals(1, TopicReader.visitsOf(unlucky.userId()).size());
        assertEquals(3, unlucky.inbox().size(), "prompt (2) and help; the completion reply was lost");
        assertEquals(failedBefore + 1, failedReplies());
    }

    @Test
    void aReplyLineRefusesIsNotRetried() {
        Chat late = atTheConsentPrompt("閉店間際の店", "レジ前", "late");
        long repliesBefore = sim.stats().of(Endpoint.REPLY).requests();
        sim.faults().failNext(Endpoint.REPLY, 400, 1); // as for a reply token that expired: final

        late.tap("同意する", 0);
        late.say("使い方", 1);

        assertEquals(1, TopicReader.visitsOf(late.userId()).size());
        assertEquals(3, late.inbox().size(), "prompt (2) and help; the refused completion was not sent again");
        assertEquals(repliesBefore + 2, sim.stats().of(Endpoint.REPLY).requests(),
                "one refused completion and the help: a 400 is never retried");
    }

    @Test
    void aReplyLineLeavesUnansweredIsGivenUpAndTheNextMessageIsAnswered() {
        Chat remote = atTheConsentPrompt("電波の弱い山小屋", "受付", "remote");
        double failedBefore = failedReplies();
        // LINE takes the completion, then keeps the connection silent far beyond the reply timeout (5 s).
        sim.faults().set(Endpoint.REPLY, new FaultRule(0, 1, null, Duration.ofSeconds(60)));

        remote.tap("同意する", 1); // delivered: LINE processes a request before it answers late
        remote.say("使い方", 1); // answered within Chat's 20 s, long before LINE's silence would have ended

        assertEquals(1, TopicReader.visitsOf(remote.userId()).size());
        assertEquals(failedBefore + 1, failedReplies(),
                "the silent try timed out, and its retry met the used token: one failed reply");
    }

    /** A resident who scanned a new venue's code and now sees the consent prompt. */
    private Chat atTheConsentPrompt(String venue, String room, String name) {
        PrintedCode code = Venues.issue(codes, venue, room);
        Chat resident = new Chat(sim, name);
        resident.say("チェックイン " + code.display(), 2);
        return resident;
    }

    private double failedReplies() {
        return registry.get("moshisapo.checkin.replies").tag("result", "failed").counter().count();
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }
}
