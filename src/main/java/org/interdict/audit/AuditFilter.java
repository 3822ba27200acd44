package org.interdict.audit;

import java.time.Instant;

/** Criteria of an audit listing; null means any. Pages go from the newest entry back, before {@code beforeId}. */
public record AuditFilter(String actor, String action, String subjectType, String subjectId, Instant from, Instant to,
        Long beforeId, int limit) {}
