package org.interdict.advisory;

import java.time.Instant;
import org.interdict.advisory.dto.AdvisoryInput;

/**
 * One row of {@code advisory}. Never leaves the service layer. The {@code *Name}s are the people's display names,
 * their subjects for rows written before names were kept.
 */
record Advisory(long id, String authorityId, String status, int revision, AdvisoryInput content, String draftedBy,
        String draftedByName, Instant draftedAt, String publishedBy, String publishedByName, Instant publishedAt,
        Instant revisedAt, String withdrawnBy, String withdrawnByName, Instant withdrawnAt, String withdrawalReason,
        Instant updatedAt, int version) {

    static final String DRAFT = "DRAFT";
    static final String PUBLISHED = "PUBLISHED";
    static final String WITHDRAWN = "WITHDRAWN";
}
