package jp.moshisapo.facility.venue;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.moshisapo.facility.jdbc.Jdbc;

/**
 * Stores venues in {@code facility.facilities} through Panache. Writes join the caller's transaction; the plain-SQL
 * readers (search, statistics, notices) read the same table with {@link #COLUMNS} and {@link #read}.
 */
@ApplicationScoped
public class FacilityRepository implements PanacheRepositoryBase<FacilityEntity, UUID> {

    /** The columns {@link #read} needs; plain-SQL readers of other features join them in. */
    public static final String COLUMNS = "f.id, f.business_type, f.scale, f.name, f.postal_code, f.address1, "
            + "f.address2, f.phone, f.email, f.receive_notices, f.created_at";

    public void insert(Facility facility, byte[] managementTokenHash, Instant termsAcceptedAt) {
        persist(FacilityEntity.of(facility, managementTokenHash, termsAcceptedAt));
    }

    public Optional<Facility> find(UUID id) {
        return findByIdOptional(id).map(FacilityEntity::toFacility);
    }

    /** Locks the venue's row until the transaction ends, so changes to one venue happen one after another. */
    public void lock(UUID id) {
        findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The stored SHA-256 of the venue's management token. */
    public Optional<byte[]> managementTokenHash(UUID id) {
        return findByIdOptional(id).map(venue -> venue.managementTokenHash);
    }

    /**
     * Replaces the token hash only if it is still {@code expected}: of two rotations with the same old token, one
     * wins and the other finds the token already gone, as any later request with it does. One conditional UPDATE,
     * not read-then-write, so the database decides the race.
     */
    public boolean replaceManagementTokenHash(UUID id, byte[] expected, byte[] replacement) {
        return update("managementTokenHash = ?1 where id = ?2 and managementTokenHash = ?3",
                replacement, id, expected) == 1;
    }

    /** The venues registered with {@code address}, compared without case (oldest first). */
    public List<Facility> withEmail(String address) {
        return find("lower(email) = lower(?1)", Sort.by("createdAt"), address).stream()
                .map(FacilityEntity::toFacility).toList();
    }

    /** Replaces the token hash whatever it was: for a new link mailed to the venue's own address. */
    public void setManagementTokenHash(UUID id, byte[] replacement) {
        findByIdOptional(id).ifPresent(venue -> venue.managementTokenHash = replacement);
    }

    /** Reads the {@link #COLUMNS} of the current row (for the plain-SQL readers). */
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
