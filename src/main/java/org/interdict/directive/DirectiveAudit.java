package org.interdict.directive;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.interdict.audit.AuditEvent;
import org.interdict.security.Actor;

/** What the audit log keeps of a directive's changes: its identifying fields, and before/after for edits. */
final class DirectiveAudit {

    static final String SUBJECT = "directive";

    private DirectiveAudit() {}

    static AuditEvent event(Actor actor, Instant at, String action, Directive d, Map<String, ?> details) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("legalReference", d.legalReference);
        summary.putAll(details);
        return AuditEvent.by(actor, at, "directive." + action, SUBJECT, d.id, summary);
    }

    /** A status change, with whatever else explains it. */
    static AuditEvent transition(Actor actor, Instant at, String action, Directive d, DirectiveStatus from,
            Map<String, ?> details) {
        Map<String, Object> summary = new LinkedHashMap<>(details);
        summary.put("before", Map.of("status", from.name()));
        summary.put("after", Map.of("status", d.status.name()));
        return event(actor, at, action, d, summary);
    }

    /** The fields an officer sets; absent ones left out. */
    static Map<String, Object> fields(Directive d) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("legalReference", d.legalReference);
        f.put("title", d.title);
        f.put("authority", d.authorityId);
        f.put("authorityLegacy", d.authorityLegacy);
        f.put("implements", d.implementsId);
        f.put("issuedOn", d.issuedOn == null ? null : d.issuedOn.toString());
        f.put("kind", d.kind.name());
        f.put("category", d.category.code());
        f.put("legalBasis", d.legalBasis);
        f.put("audience", d.allIsps ? "all" : List.of(d.audience));
        f.put("effectiveFrom", d.effectiveFrom.toString());
        f.put("expiresAt", d.expiresAt == null ? null : d.expiresAt.toString());
        f.put("takedownHost", d.takedownHost);
        f.put("takedownDeadline", d.takedownDeadline == null ? null : d.takedownDeadline.toString());
        f.put("supersedes", d.supersedesId);
        f.values().removeIf(Objects::isNull);
        return f;
    }

    /** Only the fields that differ, as {@code before} and {@code after}. */
    static Map<String, Object> edit(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> was = new LinkedHashMap<>();
        Map<String, Object> now = new LinkedHashMap<>();
        for (String key : union(before, after)) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                was.put(key, before.get(key));
                now.put(key, after.get(key));
            }
        }
        return Map.of("before", was, "after", now);
    }

    private static List<String> union(Map<String, Object> a, Map<String, Object> b) {
        LinkedHashMap<String, Boolean> keys = new LinkedHashMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return List.copyOf(keys.keySet());
    }
}
