package jp.moshisapo.facility.venue;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.moshisapo.facility.jdbc.Jdbc;

/** Stores venues in {@code facility.facilities}. */
@ApplicationScoped
public class FacilityRepository {

    /** The columns {@link #read} needs; other repositories join them in. */
    public static final String COLUMNS = "f.id, f.business_type, f.scale, f.name, f.postal_code, f.address1, "
            + "f.address2, f.phone, f.email, f.receive_notices, f.created_at";

    private final Jdbc jdbc;

    FacilityRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Facility facility, byte[] managementTokenHash, Instant termsAcceptedAt) {
        jdbc.update("""
                INSERT INTO facility.facilities (id, business_type, scale, name, postal_code, address1, address2,
                    phone, email, receive_notices, terms_accepted_at, management_token_hash, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                facility.id(), facility.businessType(), facility.scale(), facility.name(),
                facility.postalCode().digits(), facility.address1(), facility.address2(), facility.phone(),
                facility.email(), facility.receiveNotices(), termsAcceptedAt, managementTokenHash,
                facility.createdAt());
    }

    public Optional<Facility> find(UUID id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM facility.facilities f WHERE f.id = ?",
                FacilityRepository::read, id);
    }

    /** Locks the venue's row until the transaction ends, so changes to one venue happen one after another. */
    public void lock(UUID id) {
        jdbc.one("SELECT id FROM facility.facilities WHERE id = ? FOR UPDATE", row -> row.getObject(1), id);
    }

    /** The stored SHA-256 of the venue's management token. */
    public Optional<byte[]> managementTokenHash(UUID id) {
        return jdbc.one("SELECT management_token_hash FROM facility.facilities WHERE id = ?",
                row -> row.getBytes(1), id);
    }

    /**
     * Replaces the token hash only if it is still {@code expected}: of two rotations with the same old token, one
     * wins and the other finds the token already gone, as any later request with it does.
     */
    public boolean replaceManagementTokenHash(UUID id, byte[] expected, byte[] replacement) {
        return jdbc.update("""
                UPDATE facility.facilities SET management_token_hash = ?
                WHERE id = ? AND management_token_hash = ?""", replacement, id, expected) == 1;
    }

    /** The venues registered with {@code address}, compared without case (oldest first). */
    public List<Facility> withEmail(String address) {
        return jdbc.list("SELECT " + COLUMNS + " FROM facility.facilities f WHERE lower(f.email) = lower(?) "
                + "ORDER BY f.created_at", FacilityRepository::read, address);
    }

    /** Replaces the token hash whatever it was: for a new link mailed to the venue's own address. */
    public void setManagementTokenHash(UUID id, byte[] replacement) {
        jdbc.update("UPDATE facility.facilities SET management_token_hash = ? WHERE id = ?", replacement, id);
    }

    /** Reads the {@link #COLUMNS} of the current row. */
    public static Facility read(ResultSet row) throws SQLException {
        return new Facility(row.getObject("id", UUID.class),
                BusinessType.valueOf(row.getString("business_type")),
                ScaleBand.valueOf(row.getString("scale")),
                row.getString("name"),
                new PostalCode(row.getString("postal_code")),
                row.getString("address1"),
                row.getString("address2"),
                row.getString("phone"),
                row.getString("email"),
                row.getBoolean("receive_notices"),
                Jdbc.instant(row, "created_at"));
    }
}
