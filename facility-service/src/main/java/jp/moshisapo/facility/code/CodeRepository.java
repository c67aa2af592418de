package jp.moshisapo.facility.code;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import jp.moshisapo.facility.venue.FacilityEntity;
import jp.moshisapo.protocol.code.PrintedCode;
import jp.moshisapo.protocol.events.CodeState;

/**
 * Stores printed codes in {@code facility.codes} through Panache; rows are never deleted, so a code is never issued
 * twice. Changes are made on the loaded entity, never by bulk update, so a later read in the same transaction sees
 * them.
 */
@ApplicationScoped
public class CodeRepository implements PanacheRepositoryBase<CodeEntity, String> {

    /**
     * Inserts the code unless it was ever issued before; false means "draw another one". Two registrations drawing
     * the same 40 random bits in the same millisecond would still meet the primary key, which refuses the second.
     */
    public boolean insertIfNew(PrintedCode code, UUID facilityId, String room, int position, Instant issuedAt) {
        if (findByIdOptional(code.canonical()).isPresent()) {
            return false;
        }
        persist(CodeEntity.active(code, facilityId, room, position, issuedAt));
        return true;
    }

    /** Marks an active code of this venue revoked; false if it is not the venue's or was revoked already. */
    public boolean revoke(PrintedCode code, UUID facilityId, Instant revokedAt) {
        Optional<CodeEntity> active = findByIdOptional(code.canonical())
                .filter(row -> row.facilityId.equals(facilityId) && row.status == CodeState.Status.ACTIVE);
        active.ifPresent(row -> {
            row.status = CodeState.Status.REVOKED;
            row.revokedAt = revokedAt;
        });
        return active.isPresent();
    }

    public Optional<CodeRecord> find(PrintedCode code) {
        return findByIdOptional(code.canonical()).map(CodeEntity::toRecord);
    }

    /** The code with its venue, in one query (for posters, the redirect and the staff lookup). */
    public Optional<RegisteredCode> findWithFacility(PrintedCode code) {
        return getEntityManager().createQuery("""
                        select c, f from CodeEntity c join FacilityEntity f on f.id = c.facilityId
                        where c.code = ?1""", Object[].class)
                .setParameter(1, code.canonical())
                .getResultStream().findFirst()
                .map(row -> new RegisteredCode(((CodeEntity) row[0]).toRecord(), ((FacilityEntity) row[1]).toFacility()));
    }

    /** All codes of a venue, active and revoked, in the order they were issued. */
    public List<CodeRecord> ofFacility(UUID facilityId) {
        return find("facilityId", Sort.by("position"), facilityId).stream().map(CodeEntity::toRecord).toList();
    }

    /** The next free position for a venue's new codes. */
    public int nextPosition(UUID facilityId) {
        return getEntityManager().createQuery(
                        "select coalesce(max(c.position) + 1, 0) from CodeEntity c where c.facilityId = ?1", Integer.class)
                .setParameter(1, facilityId)
                .getSingleResult();
    }
}
