package org.interdict.advisory;

import java.time.Instant;

/**
 * Where a recipient stands on an advisory, for the issuing authority. Pure: the time is an argument.
 */
public enum Standing {
    /** Patched, or not affected: nothing more is owed. */
    PATCHED,
    /** Acknowledged the current revision or reported a status, and the deadline has not passed. */
    ACKNOWLEDGED,
    /** The remediation deadline has passed and it is not patched. */
    LATE,
    /** Neither acknowledged the current revision nor reported any status, before the deadline. */
    SILENT;

    public static Standing of(String status, Integer acknowledgedRevision, int toldRevision, Instant deadline,
            Instant now) {
        if ("patched".equals(status) || "not-affected".equals(status)) {
            return PATCHED;
        }
        if (!now.isBefore(deadline)) {
            return LATE;
        }
        boolean acknowledged = acknowledgedRevision != null && acknowledgedRevision >= toldRevision;
        return acknowledged || status != null ? ACKNOWLEDGED : SILENT;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
