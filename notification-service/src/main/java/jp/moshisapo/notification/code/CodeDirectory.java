package jp.moshisapo.notification.code;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import jp.moshisapo.notification.db.Db;
import jp.moshisapo.protocol.events.CodeState;

/** This service's copy of every printed code (from facility.codes.v1): which venue and room a code belongs to. */
@ApplicationScoped
public class CodeDirectory {

    private final Db db;

    CodeDirectory(Db db) {
        this.db = db;
    }

    /** Keeps the newest state per code; an older record replayed from the topic changes nothing. */
    public void update(CodeState state) {
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("""
                    INSERT INTO code_state (code, status, facility_id, facility_name, room, occurred_at, business_type)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET status = excluded.status, facility_id = excluded.facility_id,
                        facility_name = excluded.facility_name, room = excluded.room, occurred_at = excluded.occurred_at,
                        business_type = excluded.business_type
                    WHERE code_state.occurred_at <= excluded.occurred_at
                    """)) {
                s.setString(1, state.code());
                s.setString(2, state.status().name());
                s.setObject(3, state.facilityId());
                s.setString(4, state.facilityName());
                s.setString(5, state.room());
                s.setTimestamp(6, Timestamp.from(state.occurredAt()));
                s.setString(7, state.businessType());
                return s.executeUpdate();
            }
        });
    }

    /** The known codes among {@code canonicalCodes}, by code; unknown ones are absent. */
    public Map<String, KnownCode> lookup(Collection<String> canonicalCodes) {
        return db.inTransaction(c -> {
            Map<String, KnownCode> found = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT code, status, facility_id, facility_name, business_type, room "
                    + "FROM code_state WHERE code = ANY(?)")) {
                s.setArray(1, c.createArrayOf("text", canonicalCodes.toArray(new String[0])));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getString(1), new KnownCode(rs.getString(1), rs.getString(2),
                                rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6)));
                    }
                }
            }
            return found;
        });
    }
}
