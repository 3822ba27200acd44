package org.interdict.directive;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A block or takedown order as recorded, with its whole lifecycle. Never leaves the service layer. */
@Entity
@Table(name = "directive")
public class Directive extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "legal_reference")
    public String legalReference;

    public String title;
    public String authority;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    @Enumerated(EnumType.STRING)
    public DirectiveKind kind;

    @Convert(converter = ReasonCategoryConverter.class)
    public ReasonCategory category;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Column(name = "all_isps")
    public boolean allIsps;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "audience", columnDefinition = "text[]")
    public String[] audience;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "takedown_host")
    public String takedownHost;

    @Column(name = "takedown_deadline")
    public Instant takedownDeadline;

    @Column(name = "takedown_complied")
    public Boolean takedownComplied;

    @Column(name = "takedown_recorded_at")
    public Instant takedownRecordedAt;

    /** Minutes ISPs have to enforce it once in force; null means the configured default. */
    @Column(name = "enforcement_deadline_minutes")
    public Integer enforcementDeadlineMinutes;

    @Column(name = "supersedes_id")
    public Long supersedesId;

    @Column(name = "escalated_from_id")
    public Long escalatedFromId;

    @Enumerated(EnumType.STRING)
    public DirectiveStatus status;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_by_name")
    public String createdByName;

    @Column(name = "submitted_by")
    public String submittedBy;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "revoked_by")
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;

    @Column(name = "revocation_reference")
    public String revocationReference;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public int version;

    /** The status as of {@code now}: approved directives move with time even between scheduler runs. */
    public DirectiveStatus statusAt(Instant now) {
        return status.isApproved() ? DirectiveStatus.approvedAt(now, effectiveFrom, expiresAt) : status;
    }
}
