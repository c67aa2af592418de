package jp.moshisapo.facility.notice;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import jp.moshisapo.facility.jdbc.Jdbc;
import jp.moshisapo.facility.venue.BusinessType;
import jp.moshisapo.facility.venue.Facility;
import jp.moshisapo.facility.venue.FacilityRepository;

/** {@code facility.notices}, the audience query, and the delivery report from the mail queue. */
@ApplicationScoped
class NoticeRepository {

    private static final String COLUMNS = "id, subject, body, survey_url, business_types, municipalities, state, "
            + "created_by, created_by_name, created_at, approved_by_name, approved_at, recipients";
    /** Opted in, of one of the types (if any), in one of the municipalities (if any). */
    private static final String AUDIENCE = """
            f.receive_notices
              AND (cardinality(?::text[]) = 0 OR f.business_type = ANY (?::text[]))
              AND (cardinality(?::text[]) = 0 OR EXISTS (
                    SELECT 1 FROM unnest(?::text[]) m WHERE position(m IN f.address1) > 0))""";

    private final Jdbc jdbc;

    NoticeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, NoticeValidator.Valid notice, String createdBy, String createdByName) {
        jdbc.update("""
                INSERT INTO facility.notices (id, subject, body, survey_url, business_types, municipalities, state,
                    created_by, created_by_name)
                VALUES (?, ?, ?, ?, ?::text[], ?::text[], 'DRAFT', ?, ?)""",
                id, notice.subject(), notice.body(), notice.surveyUrl(), types(notice.audience()),
                array(notice.audience().municipalities()), createdBy, createdByName);
    }

    Optional<Notice> find(UUID id, boolean lock) {
        return jdbc.one("SELECT " + COLUMNS + " FROM facility.notices WHERE id = ?" + (lock ? " FOR UPDATE" : ""),
                NoticeRepository::read, id);
    }

    List<Notice> newest(int limit) {
        return jdbc.list("SELECT " + COLUMNS + " FROM facility.notices ORDER BY created_at DESC LIMIT ?",
                NoticeRepository::read, limit);
    }

    void approve(UUID id, String approvedBy, String approvedByName, int recipients) {
        jdbc.update("""
                UPDATE facility.notices SET state = 'APPROVED', approved_by = ?, approved_by_name = ?,
                    approved_at = now(), recipients = ? WHERE id = ? AND state = 'DRAFT'""",
                approvedBy, approvedByName, recipients, id);
    }

    long audienceSize(Audience audience) {
        return jdbc.one("SELECT count(*) FROM facility.facilities f WHERE " + AUDIENCE, row -> row.getLong(1),
                audienceParameters(audience)).orElse(0L);
    }

    /** The venues of the audience with their unsubscribe keys, locked so an opt-out meanwhile waits for us. */
    List<Map.Entry<Facility, UUID>> audience(Audience audience) {
        return jdbc.list("SELECT " + FacilityRepository.COLUMNS + ", f.unsubscribe_key FROM facility.facilities f "
                        + "WHERE " + AUDIENCE + " ORDER BY f.created_at FOR UPDATE",
                row -> Map.entry(FacilityRepository.read(row), row.getObject("unsubscribe_key", UUID.class)),
                audienceParameters(audience));
    }

    /** How many of the notice's mails stand where: PENDING, SENT, BOUNCED, REFUSED. */
    Map<String, Long> delivery(UUID noticeId) {
        return jdbc.list("SELECT status, count(*) FROM facility.mail_outbox WHERE notice_id = ? GROUP BY status",
                row -> Map.entry(row.getString(1), row.getLong(2)), noticeId).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Clears the opt-in of the venue with this key; false when no venue has it. */
    boolean unsubscribe(UUID key) {
        return jdbc.update("UPDATE facility.facilities SET receive_notices = false WHERE unsubscribe_key = ?",
                key) == 1;
    }

    private static Object[] audienceParameters(Audience audience) {
        String types = types(audience);
        String municipalities = array(audience.municipalities());
        return new Object[] {types, types, municipalities, municipalities};
    }

    private static String types(Audience audience) {
        return array(audience.businessTypes().stream().map(BusinessType::name).toList());
    }

    /** A text[] literal; every element is quoted, so commas or braces in a value stay inside it. */
    private static String array(List<String> values) {
        return values.stream().map(v -> "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static Notice read(ResultSet row) throws SQLException {
        return new Notice(row.getObject("id", UUID.class), row.getString("subject"), row.getString("body"),
                row.getString("survey_url"),
                new Audience(strings(row.getArray("business_types")).stream().map(BusinessType::valueOf).toList(),
                        strings(row.getArray("municipalities"))),
                Notice.State.valueOf(row.getString("state")), row.getString("created_by"),
                row.getString("created_by_name"), Jdbc.instant(row, "created_at"),
                row.getString("approved_by_name"), Jdbc.instant(row, "approved_at"),
                (Integer) row.getObject("recipients"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
