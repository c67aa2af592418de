package jp.moshisapo.checkin.dialogue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import jp.moshisapo.checkin.code.CodeEntry;
import jp.moshisapo.checkin.history.HistoryEntry;
import jp.moshisapo.checkin.resident.Pseudonym;
import jp.moshisapo.protocol.code.PrintedCode;

/** What the dialogue reads and changes while answering: the code view and residents' own histories. */
public interface DialogueStore {

    Optional<CodeEntry> code(PrintedCode code);

    /** Adds a visit to the resident's history; false when this very scan is recorded already (a second tap). */
    boolean addVisit(Pseudonym resident, HistoryEntry visit);

    /** The resident's visits since {@code since}, newest first. */
    List<HistoryEntry> history(Pseudonym resident, Instant since);

    void eraseHistory(Pseudonym resident);
}
