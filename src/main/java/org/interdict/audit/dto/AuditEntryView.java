package org.interdict.audit.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One audit entry as stored, hashes included, so a client can check the chain itself. {@code authority}: the
 * authority the actor acted for (recorded in the summary as {@code actorAuthority}), with its names as registered
 * now; absent for actors who act for none.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntryView(long id, Instant at, String actor, String role, String action, String subjectType,
        String subjectId, JsonNode summary, String previousHash, String hash, Authority authority) {

    /** An authority by id and names; the names are null for an id that is not registered. */
    public record Authority(String id, String nameVi, String nameEn) {}
}
