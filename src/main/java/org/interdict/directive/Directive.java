package org.interdict.directive;

import java.time.Instant;
import java.time.LocalDate;
import org.interdict.category.ReasonCategory;
import org.interdict.security.Actor;

/**
 * A block or takedown order as recorded, with its whole lifecycle: one row of {@code directive}, read and written by
 * {@link DirectiveRepository}. Never leaves the service layer.
 */
public class Directive {
    public Long id;
    public String legalReference;

    public String title;
    /** The issuing authority: the drafting officer's. Null only for directives recorded before the registry. */
    public String authorityId;
    /** The free-text authority of a directive recorded before the registry that no registered authority matches. */
    public String authorityLegacy;
    /** The parent authority's directive this one relays, if any. */
    public Long implementsId;
    public LocalDate issuedOn;
    public DirectiveKind kind;
    public ReasonCategory category;
    public String legalBasis;
    public boolean allIsps;
    public String[] audience;
    public Instant effectiveFrom;
    public Instant expiresAt;
    public String takedownHost;
    public Instant takedownDeadline;
    public Boolean takedownComplied;
    public Instant takedownRecordedAt;

    /** Minutes ISPs have to enforce it once in force; null means the configured default. */
    public Integer enforcementDeadlineMinutes;
    public Long supersedesId;
    public Long escalatedFromId;
    public DirectiveStatus status;
    public String createdBy;
    public String createdByName;
    public String submittedBy;
    public String submittedByName;
    public Instant submittedAt;
    public String decidedBy;
    public String decidedByName;
    public Instant decidedAt;
    public String rejectionReason;
    public String revokedBy;
    public String revokedByName;
    public Instant revokedAt;
    public String revocationReason;
    public String revocationReference;

    /** What the approving supervisor wrote, if anything. */
    public String decisionComment;
    public Instant createdAt;
    public Instant updatedAt;
    /** Incremented by every update: the ETag, and the guard of If-Match. */
    public int version;

    /** Makes it a draft of {@code actor}, made at {@code now}. */
    void draftedBy(Actor actor, Instant now) {
        status = DirectiveStatus.DRAFT;
        createdBy = actor.subject();
        createdByName = actor.name();
        createdAt = now;
        updatedAt = now;
    }

    /** The status as of {@code now}: approved directives move with time even between scheduler runs. */
    public DirectiveStatus statusAt(Instant now) {
        return status.isApproved() ? DirectiveStatus.approvedAt(now, effectiveFrom, expiresAt) : status;
    }
}
