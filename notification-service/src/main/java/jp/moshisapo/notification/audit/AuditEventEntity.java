package jp.moshisapo.notification.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;

/**
 * A row of {@code notification.audit_event} as Hibernate keeps it; only {@link AuditLog} touches this class. The
 * database numbers, times and hash-chains every entry on insert (V7's trigger), so {@code seq} and {@code at} are
 * read, never written, and the hashes are not mapped at all. Immutable: the runtime role may not update a row, and
 * Hibernate never tries. Public fields: Panache turns them into accessors, so Hibernate sees every change.
 */
@Entity
@Immutable
@Table(schema = "notification", name = "audit_event")
public class AuditEventEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(insertable = false, updatable = false)
    public Instant at;

    public String actor;

    @Column(name = "actor_name")
    public String actorName;

    public String action;

    @Column(name = "case_id")
    public Long caseId;

    /** JSON text, written by {@link AuditLog}'s mapper, so the canonical text the chain hashes stays as before. */
    @Column(columnDefinition = "jsonb")
    @ColumnTransformer(write = "?::jsonb")
    public String details;
}
