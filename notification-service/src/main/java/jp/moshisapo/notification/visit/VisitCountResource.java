package jp.moshisapo.notification.visit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.protocol.code.InvalidCodeException;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.problem.InvalidField;
import jp.moshisapo.problem.ProblemException;
import jp.moshisapo.problem.Text;

/**
 * {@code GET /admin/visit-counts?code=…&code=…}: how many check-ins each code had per day (Iwate time) over the
 * retention period, for the console's venue search (facility-service finds the venue, this service owns the
 * visits). Counts only: no resident key, user id or visit id leaves, and a day without visits is left out.
 */
@Path("/admin/visit-counts")
@RolesAllowed("staff")
@Produces(MediaType.APPLICATION_JSON)
public class VisitCountResource {

    /** A search page of 50 venues with a few codes each; the console asks in chunks of this size. */
    static final int MAX_CODES = 200;

    private static final String COUNT = """
            SELECT code, (visited_at AT TIME ZONE ?)::date AS day, count(*) AS checkins FROM visit
            WHERE code = ANY (?) AND visited_at >= ? GROUP BY code, day ORDER BY code, day""";

    private final Db db;
    private final Retention retention;
    private final Clock clock;

    VisitCountResource(Db db, Retention retention, Clock clock) {
        this.db = db;
        this.retention = retention;
        this.clock = clock;
    }

    /** Per day a code's check-ins; the days of the answer run from {@code from} to {@code to}. */
    public record DayCount(LocalDate day, long checkins) {
    }

    /** The retention window the counts cover and, per code as asked (display form), its days with visits. */
    public record VisitCounts(LocalDate from, LocalDate to, Map<String, List<DayCount>> codes) {
    }

    @GET
    public VisitCounts count(@QueryParam("code") List<String> typed) {
        if (typed == null || typed.isEmpty() || typed.size() > MAX_CODES) {
            throw ProblemException.invalid(List.of(InvalidField.of("code", Text.of(
                    "コードを1〜" + MAX_CODES + "個指定してください。", "Give 1 to " + MAX_CODES + " codes."))));
        }
        Map<String, String> displayByCanonical = new LinkedHashMap<>();
        for (int i = 0; i < typed.size(); i++) {
            try {
                PrintedCode code = PrintedCode.parse(typed.get(i));
                displayByCanonical.put(code.canonical(), code.display());
            } catch (InvalidCodeException e) {
                throw ProblemException.invalid(List.of(InvalidField.of("code[" + i + "]", Text.of(
                        "文字コードが正しくありません。", "Not a valid code."))));
            }
        }
        Instant now = clock.instant();
        Instant horizon = retention.horizon(now);
        Map<String, List<DayCount>> counts = new LinkedHashMap<>();
        displayByCanonical.values().forEach(display -> counts.put(display, new ArrayList<>()));
        db.inTransaction(connection -> {
            try (PreparedStatement query = connection.prepareStatement(COUNT)) {
                query.setString(1, retention.days().zone().getId());
                query.setArray(2, connection.createArrayOf("text", displayByCanonical.keySet().toArray()));
                query.setObject(3, OffsetDateTime.ofInstant(horizon, ZoneOffset.UTC));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        counts.get(displayByCanonical.get(rows.getString("code"))).add(new DayCount(
                                rows.getObject("day", LocalDate.class), rows.getLong("checkins")));
                    }
                }
            }
            return null;
        });
        return new VisitCounts(retention.days().dayOf(horizon), retention.days().dayOf(now), counts);
    }
}
