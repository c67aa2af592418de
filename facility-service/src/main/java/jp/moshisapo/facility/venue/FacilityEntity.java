package jp.moshisapo.facility.venue;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code facility.facilities} as Hibernate keeps it. The rest of the service sees {@link Facility}, a
 * record: only {@link FacilityRepository} touches this class. Columns the database fills itself (the
 * {@code unsubscribe_key} default, the generated search columns and {@code municipality}) are not mapped, so
 * Hibernate never writes them.
 */
@Entity
@Table(schema = "facility", name = "facilities")
public class FacilityEntity {

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(name = "business_type")
    public BusinessType businessType;

    @Enumerated(EnumType.STRING)
    public ScaleBand scale;

    public String name;

    /** Seven digits; {@code char(7)} in the table. */
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "postal_code", length = 7)
    public String postalCode;

    public String address1;
    public String address2;
    public String phone;
    public String email;

    @Column(name = "receive_notices")
    public boolean receiveNotices;

    @Column(name = "terms_accepted_at")
    public Instant termsAcceptedAt;

    /** SHA-256 of the management token; the token itself is never stored. */
    @Column(name = "management_token_hash")
    public byte[] managementTokenHash;

    @Column(name = "created_at")
    public Instant createdAt;

    static FacilityEntity of(Facility facility, byte[] managementTokenHash, Instant termsAcceptedAt) {
        FacilityEntity row = new FacilityEntity();
        row.id = facility.id();
        row.businessType = facility.businessType();
        row.scale = facility.scale();
        row.name = facility.name();
        row.postalCode = facility.postalCode().digits();
        row.address1 = facility.address1();
        row.address2 = facility.address2();
        row.phone = facility.phone();
        row.email = facility.email();
        row.receiveNotices = facility.receiveNotices();
        row.termsAcceptedAt = termsAcceptedAt;
        row.managementTokenHash = managementTokenHash;
        row.createdAt = facility.createdAt();
        return row;
    }

    public Facility toFacility() {
        return new Facility(id, businessType, scale, name, new PostalCode(postalCode), address1, address2, phone, email,
                receiveNotices, createdAt);
    }
}
