package org.interdict.advisory;

import java.time.Instant;
import org.interdict.advisory.dto.AdvisoryInput;

/** One row of {@code advisory}. Never leaves the service layer. */
record Advisory(long id, String authorityId, String status, int revision, AdvisoryInput content, String draftedBy,
        Instant draftedAt, String publishedBy, Instant publishedAt, Instant revisedAt, String withdrawnBy,
        Instant withdrawnAt, String withdrawalReason, Instant updatedAt, int version) {

    static final String DRAFT = "DRAFT";
    static final String PUBLISHED = "PUBLISHED";
    static final String WITHDRAWN = "WITHDRAWN";
}
