package org.interdict.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.interdict.security.Actor;

/**
 * One change to record: who did what to which subject, with a small before/after summary. {@code at} is kept to the
 * microsecond, PostgreSQL's precision, so the hash computed before the insert matches the stored row.
 */
public record AuditEvent(Instant at, String actor, String role, String action, String subjectType, String subjectId,
        Map<String, ?> summary) {

    /** The actor of changes made by the service itself (scheduled transitions, compilations, seeds). */
    public static final String SYSTEM = "system";

    public AuditEvent {
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subjectType, "subjectType");
        summary = summary == null ? Map.of() : summary;
    }

    /** Summary key of the authority a person acted for. */
    public static final String ACTOR_AUTHORITY = "actorAuthority";

    /**
     * A change requested by {@code actor}; its roles, sorted, are recorded with it, and the authority it acted for
     * (officers and supervisors) in the summary.
     */
    public static AuditEvent by(Actor actor, Instant at, String action, String subjectType, Object subjectId,
            Map<String, ?> summary) {
        Map<String, Object> recorded = new LinkedHashMap<>(summary == null ? Map.of() : summary);
        if (actor.authority() != null) {
            recorded.put(ACTOR_AUTHORITY, actor.authority());
        }
        return new AuditEvent(at, actor.subject(), String.join(",", new TreeSet<>(actor.roles())), action, subjectType,
                subjectId == null ? null : subjectId.toString(), recorded);
    }

    /** A change the service made on its own. */
    public static AuditEvent bySystem(Instant at, String action, String subjectType, Object subjectId,
            Map<String, ?> summary) {
        return new AuditEvent(at, SYSTEM, SYSTEM, action, subjectType, subjectId == null ? null : subjectId.toString(),
                summary);
    }
}
