package org.interdict.directive;

import java.time.Instant;

public enum DirectiveStatus {
    DRAFT,
    PENDING_APPROVAL,
    /** Approved, not yet in force. */
    SCHEDULED,
    /** Approved and in force. */
    ACTIVE,
    EXPIRED,
    REJECTED,
    REVOKED;

    /** Approved directives only ever move along time: scheduled, active, expired. */
    public boolean isApproved() {
        return this == SCHEDULED || this == ACTIVE || this == EXPIRED;
    }

    /** The status an approved directive has at {@code now}, whatever the scheduler has written so far. */
    public static DirectiveStatus approvedAt(Instant now, Instant effectiveFrom, Instant expiresAt) {
        if (expiresAt != null && !now.isBefore(expiresAt)) {
            return EXPIRED;
        }
        return now.isBefore(effectiveFrom) ? SCHEDULED : ACTIVE;
    }
}
