package org.interdict.audit.dto;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One audit entry as stored, hashes included, so a client can check the chain itself. */
public record AuditEntryView(long id, Instant at, String actor, String role, String action, String subjectType,
        String subjectId, JsonNode summary, String previousHash, String hash) {}
