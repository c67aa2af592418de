package jp.moshisapo.facility.code;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.moshisapo.facility.jdbc.Jdbc;
import jp.moshisapo.facility.venue.FacilityRepository;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;

/** Stores printed codes in {@code facility.codes}; rows are never deleted, so a code is never issued twice. */
@ApplicationScoped
public class CodeRepository {

    private static final String COLUMNS = "c.code, c.facility_id, c.room, c.position, c.status, c.issued_at, "
            + "c.revoked_at";

    private final Jdbc jdbc;

    CodeRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the code unless it was ever issued before; false means "draw another one". */
    public boolean insertIfNew(PrintedCode code, UUID facilityId, String room, int position, Instant issuedAt) {
        return jdbc.update("""
                INSERT INTO facility.codes (code, facility_id, room, position, status, issued_at)
                VALUES (?, ?, ?, ?, 'ACTIVE', ?)
                ON CONFLICT (code) DO NOTHING""", code.canonical(), facilityId, room, position, issuedAt) == 1;
    }

    /** Marks an active code of this venue revoked; false if it is not the venue's or was revoked already. */
    public boolean revoke(PrintedCode code, UUID facilityId, Instant revokedAt) {
        return jdbc.update("""
                UPDATE facility.codes SET status = 'REVOKED', revoked_at = ?
                WHERE code = ? AND facility_id = ? AND status = 'ACTIVE'""",
                revokedAt, code.canonical(), facilityId) == 1;
    }

    public Optional<CodeRecord> find(PrintedCode code) {
        return jdbc.one("SELECT " + COLUMNS + " FROM facility.codes c WHERE c.code = ?", CodeRepository::read,
                code.canonical());
    }

    /** The code with its venue (for posters, the redirect and the staff lookup). */
    public Optional<RegisteredCode> findWithFacility(PrintedCode code) {
        return jdbc.one("SELECT " + COLUMNS + ", " + FacilityRepository.COLUMNS
                + " FROM facility.codes c JOIN facility.facilities f ON f.id = c.facility_id WHERE c.code = ?",
                row -> new RegisteredCode(read(row), FacilityRepository.read(row)), code.canonical());
    }

    /** All codes of a venue, active and revoked, in the order they were issued. */
    public List<CodeRecord> ofFacility(UUID facilityId) {
        return jdbc.list("SELECT " + COLUMNS + " FROM facility.codes c WHERE c.facility_id = ? ORDER BY c.position",
                CodeRepository::read, facilityId);
    }

    /** The next free position for a venue's new codes. */
    public int nextPosition(UUID facilityId) {
        return jdbc.one("SELECT COALESCE(MAX(position) + 1, 0) FROM facility.codes WHERE facility_id = ?",
                row -> row.getInt(1), facilityId).orElse(0);
    }

    private static CodeRecord read(ResultSet row) throws SQLException {
        return new CodeRecord(new PrintedCode(row.getString("code")), row.getObject("facility_id", UUID.class),
                row.getString("room"), row.getInt("position"), CodeState.Status.valueOf(row.getString("status")),
                Jdbc.instant(row, "issued_at"), Jdbc.instant(row, "revoked_at"));
    }
}
