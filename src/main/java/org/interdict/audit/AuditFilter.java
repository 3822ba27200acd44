package org.interdict.audit;

import java.time.Instant;

/**
 * Criteria of an audit listing; null means any. {@code authority}: the authority the actor acted for. Pages go from
 * the newest entry back, before {@code beforeId}.
 */
public record AuditFilter(String actor, String action, String subjectType, String subjectId, String authority,
        Instant from, Instant to, Long beforeId, int limit) {}
