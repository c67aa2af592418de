package jp.moshisapo.facility.code;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code facility.codes} as Hibernate keeps it: one printed code, the room it hangs in, its state. The rest
 * of the service sees {@link CodeRecord}; only {@link CodeRepository} touches this class.
 */
@Entity
@Table(schema = "facility", name = "codes")
public class CodeEntity {

    /** The canonical nine characters; {@code char(9)} in the table. */
    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 9)
    public String code;

    @Column(name = "facility_id")
    public UUID facilityId;

    public String room;

    public int position;

    @Enumerated(EnumType.STRING)
    public CodeState.Status status;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    static CodeEntity active(PrintedCode code, UUID facilityId, String room, int position, Instant issuedAt) {
        CodeEntity row = new CodeEntity();
        row.code = code.canonical();
        row.facilityId = facilityId;
        row.room = room;
        row.position = position;
        row.status = CodeState.Status.ACTIVE;
        row.issuedAt = issuedAt;
        return row;
    }

    CodeRecord toRecord() {
        return new CodeRecord(new PrintedCode(code), facilityId, room, position, status, issuedAt, revokedAt);
    }
}
