package jp.moshisapo.checkin;

import static jp.moshisapo.checkin.Chat.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import jp.moshisapo.checkin.code.CodeViewRepository;
import jp.moshisapo.checkin.history.HistoryEntry;
import jp.moshisapo.checkin.history.HistoryRepository;
import jp.moshisapo.checkin.processing.ProcessedEvents;
import jp.moshisapo.checkin.resident.Pseudonymizer;
import jp.moshisapo.checkin.retention.RetentionJob;
import jp.moshisapo.linesim.LineSimulator;
import jp.moshisapo.linesim.inbox.InboxMessage;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.Topic;
import jp.moshisapo.servers.EventContracts;
import jp.moshisapo.servers.InjectLineSimulator;
import jp.moshisapo.servers.KafkaTestResource;
import jp.moshisapo.servers.LineSimulatorTestResource;
import jp.moshisapo.servers.PostgresTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Residents' own data: their 14-day history, its erasure everywhere, and what this service keeps at rest. */
@QuarkusTest
@WithTestResource(KafkaTestResource.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(LineSimulatorTestResource.class)
class ResidentDataIT {

    private static final DateTimeFormatter JAPAN_TIME = DateTimeFormatter.ofPattern("M/d(E) HH:mm", Locale.JAPANESE)
            .withZone(ZoneId.of("Asia/Tokyo"));

    @InjectLineSimulator
    LineSimulator sim;

    @TestHTTPResource("/line/webhook")
    URI webhook;

    @Inject
    CodeViewRepository codes;

    @Inject
    HistoryRepository history;

    @Inject
    ProcessedEvents processed;

    @Inject
    Pseudonymizer pseudonymizer;

    @Inject
    RetentionJob retention;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void pointTheSimulatorHere() {
        Chat.connect(sim, webhook);
    }

    @Test
    void historyListsTheLast14DaysOfTheResidentsOwnVisitsNewestFirstInJapanTime() {
        PrintedCode cafe = Venues.issue(codes, "喫茶もしも", "カウンター");
        PrintedCode hall = Venues.issue(codes, "もしも市民会館", "大ホール");
        PrintedCode bar = Venues.issue(codes, "もしもバー", "奥");
        Chat kana = new Chat(sim, "kana");
        Chat stranger = new Chat(sim, "stranger");
        kana.shiftClock(Duration.ofDays(-15));
        checkIn(kana, bar);
        kana.shiftClock(Duration.ofDays(-3));
        checkIn(kana, cafe);
        kana.shiftClock(Duration.ZERO);
        checkIn(kana, hall);
        checkIn(stranger, cafe);

        String reply = kana.say("履歴", 1).get(0).text();

        List<Instant> visitedAt = TopicReader.visitsOf(kana.userId()).stream()
                .map(CheckinDialogueIT::read).map(v -> Instant.parse(v.get("visitedAt").asText())).sorted().toList();
        assertEquals(3, visitedAt.size(), "the visit of 15 days ago was recorded, but is not shown");
        assertEquals("直近14日間の利用履歴（新しい順）\n"
                + JAPAN_TIME.format(visitedAt.get(2)) + "　もしも市民会館（大ホール）\n"
                + JAPAN_TIME.format(visitedAt.get(1)) + "　喫茶もしも（カウンター）", reply);
    }

    @Test
    void aResidentWithoutVisitsIsToldSo() {
        Chat newcomer = new Chat(sim, "newcomer");

        assertEquals(List.of("直近14日間の利用履歴はありません。"), texts(newcomer.say("履歴", 1)));
    }

    @Test
    void erasureAsksFirstThenDeletesTheHistoryAndTellsTheOtherServices() {
        PrintedCode code = Venues.issue(codes, "もしも温泉", "大浴場");
        Chat mei = new Chat(sim, "mei");
        checkIn(mei, code);

        List<InboxMessage> question = mei.say("削除", 1);
        assertEquals(List.of("削除する", "削除しない"), question.get(0).actionLabels());
        assertTrue(question.get(0).text().contains("すべて削除します"), question.get(0).text());
        List<String> done = texts(mei.tap("削除する", 1));

        assertEquals(List.of("利用情報を削除しました。今後も施設等を利用する際は、QRコードを読み取ってください。"), done);
        assertEquals(List.of("直近14日間の利用履歴はありません。"), texts(mei.say("履歴", 1)));
        var events = TopicReader.residentEventsOf(mei.userId());
        assertEquals(1, events.size());
        EventContracts.assertValid(EventContracts.RESIDENT_EVENT, events.get(0).value());
        JsonNode erasure = CheckinDialogueIT.read(events.get(0).value());
        assertEquals("ERASURE_REQUESTED", erasure.get("type").asText());
        assertEquals(mei.userId(), TopicReader.openedLineUserId(events.get(0).value()));
        assertEquals(pseudonymizer.pseudonymOf(mei.userId()).hex(), events.get(0).key(), "keyed by the pseudonym");
    }

    @Test
    void answeringNoToTheErasureQuestionKeepsEverything() {
        PrintedCode code = Venues.issue(codes, "もしも書店", "2階");
        Chat sora = new Chat(sim, "sora");
        checkIn(sora, code);
        sora.say("削除", 1);

        assertEquals(List.of("削除を取りやめました。利用情報はそのまま保存されています。"), texts(sora.tap("削除しない", 1)));

        assertTrue(sora.say("履歴", 1).get(0).text().contains("もしも書店（2階）"));
        assertEquals(List.of(), TopicReader.residentEventsOf(sora.userId()));
    }

    @Test
    void theDatabaseNeverHoldsALineUserIdInClear() throws Exception {
        PrintedCode code = Venues.issue(codes, "もしも商店", "店内");
        Chat riku = new Chat(sim, "riku");
        checkIn(riku, code);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement dump = connection.prepareStatement("""
                        SELECT string_agg(t::text, ' ') FROM (
                            SELECT r::text AS t FROM resident_visits r
                            UNION ALL SELECT p::text FROM processed_webhook_events p
                            UNION ALL SELECT c::text FROM code_view c) rows
                        """);
                ResultSet rows = dump.executeQuery()) {
            rows.next();
            String everything = rows.getString(1);
            assertTrue(everything.contains(code.canonical()), "the dump covers the visit");
            assertFalse(everything.contains(riku.userId()), "no LINE user id at rest");
            assertFalse(everything.contains(riku.userId().substring(1)), "not even without its U");
        }
    }

    @Test
    void retentionDeletesHistoriesOlderThan14DaysAndOldProcessedEventIds() throws Exception {
        var resident = pseudonymizer.pseudonymOf(LineSimulator.userIdFor("old-" + UUID.randomUUID()));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        HistoryEntry old = new HistoryEntry(UUID.randomUUID(), "X", "昔の店", "1階", now.minus(Duration.ofDays(15)));
        HistoryEntry recent = new HistoryEntry(UUID.randomUUID(), "X", "最近の店", "1階", now.minus(Duration.ofDays(13)));
        String oldEvent = "old-" + UUID.randomUUID();
        String recentEvent = "recent-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection()) {
            history.add(connection, List.of(new HistoryRepository.Visit(resident, old),
                    new HistoryRepository.Visit(resident, recent)));
            processed.claim(connection, List.of(oldEvent), now.minus(Duration.ofDays(8)));
            processed.claim(connection, List.of(recentEvent), now.minus(Duration.ofDays(6)));
        }

        retention.run();

        try (Connection connection = dataSource.getConnection()) {
            assertEquals(List.of(recent), history.since(connection, resident, now.minus(Duration.ofDays(365))));
            assertEquals(java.util.Set.of(oldEvent), processed.claim(connection, List.of(oldEvent, recentEvent), now),
                    "the old id is forgotten, the recent one still known");
        }
    }

    private static void checkIn(Chat resident, PrintedCode code) {
        resident.say("チェックイン " + code.display(), 2);
        assertEquals(List.of(CheckinDialogueIT.COMPLETED), texts(resident.tap("同意する", 1)));
    }
}
