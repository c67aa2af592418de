package jp.moshisapo.checkin.processing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.moshisapo.checkin.code.CodeEntry;
import jp.moshisapo.checkin.dialogue.DialogueStore;
import jp.moshisapo.checkin.history.HistoryEntry;
import jp.moshisapo.checkin.history.HistoryRepository;
import jp.moshisapo.checkin.resident.Pseudonym;
import jp.moshisapo.protocol.code.PrintedCode;

/**
 * The dialogue's store while one batch of events is answered, inside the batch's transaction. The codes and the
 * already-recorded visits the batch mentions are loaded up front in one query each, and new visits are written in
 * one statement batch: a few round trips per batch instead of a few per event.
 */
final class BatchStore implements DialogueStore {

    private final Connection connection;
    private final HistoryRepository history;
    private final Map<PrintedCode, CodeEntry> codes;
    /** Visits recorded before this batch or during it, and whose they are. */
    private final Map<UUID, Pseudonym> recorded = new HashMap<>();
    private final List<HistoryRepository.Visit> pending = new ArrayList<>();

    BatchStore(Connection connection, HistoryRepository history, Map<PrintedCode, CodeEntry> codes,
            Map<UUID, Pseudonym> recordedBefore) {
        this.connection = connection;
        this.history = history;
        this.codes = codes;
        this.recorded.putAll(recordedBefore);
    }

    @Override
    public Optional<CodeEntry> code(PrintedCode code) {
        return Optional.ofNullable(codes.get(code));
    }

    @Override
    public boolean addVisit(Pseudonym resident, HistoryEntry visit) {
        if (recorded.putIfAbsent(visit.visitId(), resident) != null) {
            return false;
        }
        pending.add(new HistoryRepository.Visit(resident, visit));
        return true;
    }

    @Override
    public List<HistoryEntry> history(Pseudonym resident, Instant since) {
        try {
            flush();
            return history.since(connection, resident, since);
        } catch (SQLException e) {
            throw new BatchFailedException("cannot read a history", e);
        }
    }

    @Override
    public void eraseHistory(Pseudonym resident) {
        try {
            flush();
            history.erase(connection, resident);
            recorded.values().removeIf(resident::equals);
        } catch (SQLException e) {
            throw new BatchFailedException("cannot erase a history", e);
        }
    }

    /** Writes the visits added so far. */
    void flush() throws SQLException {
        history.add(connection, pending);
        pending.clear();
    }
}
