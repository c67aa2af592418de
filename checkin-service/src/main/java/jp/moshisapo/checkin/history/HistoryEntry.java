package jp.moshisapo.checkin.history;

import java.time.Instant;
import java.util.UUID;

/** One visit in a resident's own history: where (as named when the visit was recorded) and when they scanned. */
public record HistoryEntry(UUID visitId, String code, String facilityName, String room, Instant visitedAt) {
}
